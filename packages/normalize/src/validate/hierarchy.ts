/** Classification hierarchy: a printed parent equals the sum of its nearest printed sub-items; 合计 = Σ top rows. */
import type { NormalizedDocument, NormalizedRow, NormalizedTable, ValidationResult } from '../model.ts';
import { columnTerms, moneyColumns, rowLabel, termOf } from './cells.ts';
import { TOTAL_ROW_RE } from './identities.ts';
import { checkIdentity } from './identity.ts';
import { nameMatches } from './names.ts';

const CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;

/** Rows carrying a 3/5/7-digit classification code, first occurrence of each code. */
export function codedRows(table: NormalizedTable): NormalizedRow[] {
  const seen = new Set<string>();
  return table.rows.filter((r) => CODE_RE.test(r.code) && !seen.has(r.code) && seen.add(r.code));
}

/** The row totalling a coded table (合计), if printed. */
export function totalRow(table: NormalizedTable): NormalizedRow | undefined {
  return table.rows.find((r) => !r.code && nameMatches(r, TOTAL_ROW_RE));
}

/** The 3-digit (类) rows of a coded table. */
export function classRows(table: NormalizedTable): NormalizedRow[] {
  return codedRows(table).filter((r) => r.code.length === 3);
}

function nearestPrintedAncestor(code: string, printed: ReadonlySet<string>): string {
  for (let len = code.length - 2; len >= 3; len -= 2) {
    const prefix = code.slice(0, len);
    if (printed.has(prefix)) return prefix;
  }
  return '';
}

/** Rows grouped under their nearest printed ancestor ('' for rows with none): 类 whose 款 are omitted get 项. */
export function childrenByParent(rows: readonly NormalizedRow[]): Map<string, NormalizedRow[]> {
  const printed = new Set(rows.map((r) => r.code));
  const groups = new Map<string, NormalizedRow[]>();
  for (const row of rows) {
    const parent = nearestPrintedAncestor(row.code, printed);
    groups.set(parent, [...(groups.get(parent) ?? []), row]);
  }
  return groups;
}

/** Parent = Σ children for every printed parent and column; with `withTotal`, 合计 = Σ top-level rows too. */
export function hierarchyChecks(
  doc: NormalizedDocument,
  table: NormalizedTable,
  options: { withTotal: boolean },
): ValidationResult[] {
  const rows = codedRows(table);
  const groups = childrenByParent(rows);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const columns = moneyColumns(table);
  const results: (ValidationResult | undefined)[] = [];
  for (const [parentCode, children] of groups) {
    const parent = parentCode ? byCode.get(parentCode) : options.withTotal ? totalRow(table) : undefined;
    if (!parent) continue;
    const check = parentCode ? `${table.kind}/children/${parentCode}` : `${table.kind}/total-of-classes`;
    for (const column of columns) {
      results.push(
        checkIdentity({
          document: doc.meta.document,
          check: `${check}/${column}`,
          description: `${table.id} ${table.kind}: ${rowLabel(parent)} = Σ ${children.length} printed ${
            parentCode ? 'sub-items' : 'top-level rows'
          } (${children.map((c) => c.code).join(', ')}) [${column}]`,
          left: [termOf(table, parent, column)],
          right: columnTerms(table, children, column),
          tables: [table],
        }),
      );
    }
  }
  return results.filter((r): r is ValidationResult => r !== undefined);
}
