/** documents.csv rows: one per distinct input file content (keyed by sha256), whatever its status. */
import type { RunDocument } from './run-model.ts';

/** One document of the run. */
export interface DocumentRow {
  sha256: string;
  document: string;
  path: string;
  status: string;
  error: string;
  media_type: string;
  bytes: string;
  pages: string;
  entity: string;
  year: string;
  report_type: string;
  profile: string;
  tables: string;
  facts: string;
}

export const DOCUMENT_COLUMNS: (keyof DocumentRow)[] = [
  'sha256',
  'document',
  'path',
  'status',
  'error',
  'media_type',
  'bytes',
  'pages',
  'entity',
  'year',
  'report_type',
  'profile',
  'tables',
  'facts',
];

/** Rows for documents whose bytes were read (sha256 known); the first input wins when two share content. */
export function documentRows(docs: readonly RunDocument[]): DocumentRow[] {
  const seen = new Set<string>();
  const rows: DocumentRow[] = [];
  for (const doc of docs) {
    if (!doc.sha256 || seen.has(doc.sha256)) continue;
    seen.add(doc.sha256);
    const source = doc.extracted?.source;
    const meta = doc.normalized?.meta;
    rows.push({
      sha256: doc.sha256,
      document: source?.name ?? doc.path.split(/[\\/]/).at(-1) ?? doc.path,
      path: doc.path,
      status: doc.status,
      error: doc.error ?? '',
      media_type: source?.mediaType ?? '',
      bytes: source ? String(source.bytes) : '',
      pages: source ? String(source.pages) : '',
      entity: meta?.entity ?? '',
      year: meta?.year ?? '',
      report_type: meta?.reportType ?? '',
      profile: meta?.profile ?? '',
      tables: doc.extracted ? String(doc.extracted.tables.length) : '',
      facts: doc.normalized ? String(doc.normalized.facts.length) : '',
    });
  }
  return rows;
}
