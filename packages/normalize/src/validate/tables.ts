/** Finding the tables of a document that cross-table checks compare. */
import type { NormalizedDocument, NormalizedTable, TableKind } from '../model.ts';

/** The first table of this kind that prints data (empty 本表无数据 tables and row-less tables do not count). */
export function tableOf(doc: NormalizedDocument, kind: TableKind): NormalizedTable | undefined {
  return doc.tables.find((t) => t.kind === kind && !t.empty && t.rows.length > 0);
}

/** Why a check cannot run, naming the tables that are absent or empty; undefined when all are there. */
export function missingTables(doc: NormalizedDocument, kinds: readonly TableKind[]): string | undefined {
  const missing = kinds.filter((k) => !tableOf(doc, k));
  if (missing.length === 0) return undefined;
  return `table absent or empty: ${missing
    .map((k) => (doc.tables.some((t) => t.kind === k) ? `${k} (empty)` : k))
    .join(', ')}`;
}
