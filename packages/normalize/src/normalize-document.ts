/** Turning an ExtractedDocument into recognised tables and facts with a profile. */
import type { ExtractedDocument } from '@ledgerlift/extract';
import type { NormalizedDocument } from './model.ts';

/** Normalize one extracted document. */
export function normalizeDocument(doc: ExtractedDocument): NormalizedDocument {
  return {
    meta: {
      document: doc.source.name,
      sha256: doc.source.sha256,
      entity: '',
      year: '',
      reportType: '',
      profile: '',
    },
    tables: [],
    facts: [],
    text: doc.text,
    warnings: [],
  };
}
