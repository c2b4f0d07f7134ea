/**
 * The facts a run writes: one set per document content, each fact's table_id made unique in the run as
 * `<document key>/<table id>`, the id tables.json gives the same table (facts.csv, amounts.csv and the
 * database all carry it, so a fact joins to its table across documents).
 */
import type { Fact } from '@ledgerlift/normalize';
import { documentKeys } from './document-keys.ts';
import type { RunDocument } from './run-model.ts';

/** The inputs whose outputs are written: the first input of each content, and inputs that were never read. */
export function writtenDocuments(docs: readonly RunDocument[]): RunDocument[] {
  return docs.filter((d, i) => !d.sha256 || docs.findIndex((o) => o.sha256 === d.sha256) === i);
}

/** Facts of the successful documents among `written` (see writtenDocuments), with run-unique table ids. */
export function runFacts(written: readonly RunDocument[]): Fact[] {
  const keys = documentKeys(written);
  return written.flatMap((d, i) =>
    d.status === 'ok' ? (d.normalized?.facts ?? []).map((f) => ({ ...f, table_id: `${keys[i]}/${f.table_id}` })) : [],
  );
}
