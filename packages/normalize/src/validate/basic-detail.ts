/**
 * 一般公共预算财政拨款基本支出决算(明细)表: economic 类 = Σ 款, 人员经费合计 = Σ 301, 303,
 * 公用经费合计 = Σ the other 类, 合计 = 人员经费合计 + 公用经费合计 (per printed value column).
 */
import type { NormalizedDocument, NormalizedRow, NormalizedTable, ValidationResult } from '../model.ts';
import { columnTerms, moneyColumns, rowLabel, termOf } from './cells.ts';
import { classRows, hierarchyChecks } from './hierarchy.ts';
import { BASIC_FOOTERS, PERSONNEL_CLASSES } from './identities.ts';
import { checkIdentity } from './identity.ts';
import { nameMatches } from './names.ts';

/** The footer rows (人员经费合计, 公用经费合计, 合计) when printed. */
export function basicFooters(table: NormalizedTable): {
  personnel?: NormalizedRow;
  publicUse?: NormalizedRow;
  total?: NormalizedRow;
} {
  const uncoded = table.rows.filter((r) => !r.code);
  return {
    personnel: uncoded.find((r) => nameMatches(r, BASIC_FOOTERS.personnel)),
    publicUse: uncoded.find((r) => nameMatches(r, BASIC_FOOTERS.publicUse)),
    total: uncoded.find((r) => nameMatches(r, BASIC_FOOTERS.total)),
  };
}

/** All identities of a 基本支出 detail table. */
export function basicDetailChecks(doc: NormalizedDocument, table: NormalizedTable): ValidationResult[] {
  const results: (ValidationResult | undefined)[] = [...hierarchyChecks(doc, table, { withTotal: false })];
  const classes = classRows(table);
  const personnelClasses = classes.filter((r) => PERSONNEL_CLASSES.includes(r.code));
  const publicClasses = classes.filter((r) => !PERSONNEL_CLASSES.includes(r.code));
  const { personnel, publicUse, total } = basicFooters(table);
  const base = { document: doc.meta.document, tables: [table] };
  const sumOf = (rows: NormalizedRow[]) => rows.map((r) => r.code).join(' + ') || 'nothing';
  for (const column of moneyColumns(table)) {
    if (personnel) {
      results.push(
        checkIdentity({
          ...base,
          check: `${table.kind}/personnel/${column}`,
          description: `${table.id} ${table.kind}: 人员经费合计 = ${sumOf(personnelClasses)} [${column}]`,
          left: [termOf(table, personnel, column)],
          right: columnTerms(table, personnelClasses, column),
        }),
      );
    }
    if (publicUse) {
      results.push(
        checkIdentity({
          ...base,
          check: `${table.kind}/public-use/${column}`,
          description: `${table.id} ${table.kind}: 公用经费合计 = ${sumOf(publicClasses)} (every 类 but ${PERSONNEL_CLASSES.join(
            ', ',
          )}) [${column}]`,
          left: [termOf(table, publicUse, column)],
          right: columnTerms(table, publicClasses, column),
        }),
      );
    }
    if (total) {
      const parts = personnel || publicUse ? [personnel, publicUse].filter((r) => r !== undefined) : classes;
      results.push(
        checkIdentity({
          ...base,
          check: `${table.kind}/total/${column}`,
          description: `${table.id} ${table.kind}: ${rowLabel(total)} = ${parts.map(rowLabel).join(' + ')} [${column}]`,
          left: [termOf(table, total, column)],
          right: columnTerms(table, parts, column),
        }),
      );
    }
  }
  return results.filter((r): r is ValidationResult => r !== undefined);
}
