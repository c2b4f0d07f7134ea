/** Column identities within each row (e.g. 本年支出合计 = 基本支出 + 项目支出 + …). */
import type { NormalizedDocument, NormalizedTable, ValidationResult } from '../model.ts';
import { moneyColumns, rowLabel, termOf } from './cells.ts';
import { CODED_KINDS, COLUMN_IDENTITIES, type ColumnIdentity } from './identities.ts';
import { checkIdentity } from './identity.ts';

/** Every applicable column identity on every row of the table. */
export function columnChecks(
  doc: NormalizedDocument,
  table: NormalizedTable,
  identities: readonly ColumnIdentity[] = COLUMN_IDENTITIES[table.kind] ?? [],
): ValidationResult[] {
  const columns = new Set(moneyColumns(table));
  const results: ValidationResult[] = [];
  for (const identity of identities) {
    const partKeys = identity.parts.map((p) => p.replace(/^-/, ''));
    // Only identities whose total and at least one part the table prints: a missing column is not a zero.
    if (!columns.has(identity.total) || !partKeys.some((k) => columns.has(k))) continue;
    const coded = CODED_KINDS.includes(table.kind);
    table.rows.forEach((row, index) => {
      if (identity.side && row.side !== identity.side) return;
      // In a coded table a row with neither code nor name is a fragment of a wrapped printed row.
      if (coded && !row.code && !row.name && !row.namePrinted) return;
      const label = rowLabel(row) || `row ${index + 1}`;
      const result = checkIdentity({
        document: doc.meta.document,
        check: `${table.kind}/columns-${identity.name}/${row.code || label}`,
        description: `${table.id} ${table.kind}: ${label}: ${identity.total} = ${identity.parts
          .map((p, i) => (i === 0 ? p : p.startsWith('-') ? `− ${p.slice(1)}` : `+ ${p}`))
          .join(' ')}`,
        left: [termOf(table, row, identity.total)],
        right: identity.parts.map((p) => termOf(table, row, p.replace(/^-/, ''), p.startsWith('-') ? -1 : 1)),
        tables: [table],
      });
      if (result) results.push(result);
    });
  }
  return results;
}
