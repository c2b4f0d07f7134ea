/** Finding the tables of a document that cross-table checks compare. */
import type { NormalizedDocument, NormalizedTable, TableKind } from '../model.ts';

/** True when some cell of the table prints a number other than 0. */
export function printsNonZero(table: NormalizedTable): boolean {
  return table.rows.some((r) => Object.values(r.values).some((v) => v.status === 'number' && !/^-?0$/.test(v.value)));
}

/**
 * The first table of this kind that prints data. A table marked empty (本表无数据) counts only if it
 * nevertheless prints a nonzero amount: that contradiction must be compared, not skipped.
 */
export function tableOf(doc: NormalizedDocument, kind: TableKind): NormalizedTable | undefined {
  return doc.tables.find((t) => t.kind === kind && t.rows.length > 0 && (!t.empty || printsNonZero(t)));
}

/** Why a check cannot run, naming the tables that are absent or empty; undefined when all are there. */
export function missingTables(doc: NormalizedDocument, kinds: readonly TableKind[]): string | undefined {
  const missing = kinds.filter((k) => !tableOf(doc, k));
  if (missing.length === 0) return undefined;
  return `table absent or empty: ${missing
    .map((k) => (doc.tables.some((t) => t.kind === k) ? `${k} (empty)` : k))
    .join(', ')}`;
}

const NEVER_MERGED: readonly TableKind[] = ['performance', 'unknown'];

/**
 * Tables of one kind printed back to back (a table running over a page break that reached validation in
 * pieces) checked as one table, id `t07+t08`: a piece alone would miss rows its totals count.
 */
export function mergeContinuations(tables: readonly NormalizedTable[]): NormalizedTable[] {
  const out: NormalizedTable[] = [];
  for (const table of tables) {
    const last = out.at(-1);
    const continues =
      last !== undefined &&
      last.kind === table.kind &&
      !NEVER_MERGED.includes(table.kind) &&
      last.unitPrinted === table.unitPrinted &&
      last.project === table.project &&
      table.pages[0] - last.pages[1] <= 1;
    if (!continues) {
      out.push(table);
      continue;
    }
    out[out.length - 1] = {
      ...last,
      id: `${last.id}+${table.id}`,
      pages: [last.pages[0], table.pages[1]],
      rows: [...last.rows, ...table.rows],
      empty: last.empty && table.empty,
      warnings: [...last.warnings, ...table.warnings],
    };
  }
  return out;
}
