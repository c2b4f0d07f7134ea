/** Checking normalized documents with the accounting identities their tables obey. */
import type { NormalizedDocument, ValidationResult } from '../model.ts';

/** Run every applicable check on the documents. */
export function validateDocuments(_docs: readonly NormalizedDocument[]): ValidationResult[] {
  return [];
}
