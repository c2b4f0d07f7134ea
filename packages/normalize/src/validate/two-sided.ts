/**
 * Identities of the two-sided summary tables (收入支出决算总表, 财政拨款收入支出决算总表): per side
 * 本年合计 = Σ items, 总计 = 本年合计 + carry-over lines, and 收入总计 = 支出总计.
 */
import type { NormalizedDocument, NormalizedRow, NormalizedTable, ValidationResult } from '../model.ts';
import { columnTerms, moneyColumns, rowLabel, termOf } from './cells.ts';
import { SUMMARY_INCOME_LINES, SUMMARY_ROWS } from './identities.ts';
import { checkIdentity } from './identity.ts';
import { nameMatches } from './names.ts';

/** A side of a two-sided summary table. */
export type Side = 'income' | 'expenditure';

/** The rows of one side by role, in printed order. */
export interface SideLayout {
  items: NormalizedRow[];
  total?: NormalizedRow;
  carries: NormalizedRow[];
  breakdowns: { parent: NormalizedRow; rows: NormalizedRow[] }[];
  grand?: NormalizedRow;
}

/** Split one side of a summary table into items, 本年合计, carry-over lines, their fund breakdowns and 总计. */
export function sideLayout(table: NormalizedTable, side: Side): SideLayout {
  const rows = table.rows.filter((r) => r.side === side);
  const totalRe = side === 'income' ? SUMMARY_ROWS.incomeTotal : SUMMARY_ROWS.expenditureTotal;
  // "其中：" lines restate part of the item above them; adding them would count it twice.
  const itemsOf = (upTo: number) =>
    rows.slice(0, upTo).filter((r) => !/^其中/.test(r.namePrinted.normalize('NFKC').replace(/\s|<\/?b>/g, '')));
  const at = rows.findIndex((r) => nameMatches(r, totalRe));
  if (at < 0) {
    // No 本年合计 (some budget summaries): the items run up to the grand total, which is then not checkable.
    const grand = rows.findIndex((r) => nameMatches(r, SUMMARY_ROWS.grandTotal));
    return { items: itemsOf(grand < 0 ? rows.length : grand), carries: [], breakdowns: [] };
  }
  const layout: SideLayout = { items: itemsOf(at), total: rows[at], carries: [], breakdowns: [] };
  for (const row of rows.slice(at + 1)) {
    if (nameMatches(row, SUMMARY_ROWS.grandTotal)) {
      layout.grand = row;
      break;
    }
    const parent = layout.carries.at(-1);
    if (parent && nameMatches(row, SUMMARY_ROWS.fundBreakdown) && nameMatches(parent, SUMMARY_ROWS.carryParent)) {
      const group = layout.breakdowns.find((b) => b.parent === parent);
      if (group) group.rows.push(row);
      else layout.breakdowns.push({ parent, rows: [row] });
    } else {
      layout.carries.push(row);
    }
  }
  return layout;
}

/** The value columns of one side: `amount`, or the four fund columns of 财政拨款 expenditure. */
export function sideColumns(table: NormalizedTable, side: Side): string[] {
  const used = new Set(table.rows.filter((r) => r.side === side).flatMap((r) => Object.keys(r.values)));
  return moneyColumns(table).filter((c) => used.has(c));
}

/** All identities of a two-sided summary table. */
export function twoSidedChecks(doc: NormalizedDocument, table: NormalizedTable): ValidationResult[] {
  const results: (ValidationResult | undefined)[] = [];
  const base = { document: doc.meta.document, tables: [table] };
  const layouts = { income: sideLayout(table, 'income'), expenditure: sideLayout(table, 'expenditure') };
  for (const side of ['income', 'expenditure'] as const) {
    const layout = layouts[side];
    for (const column of sideColumns(table, side)) {
      const at = `${side}/${column}`;
      if (layout.total) {
        results.push(
          checkIdentity({
            ...base,
            check: `${table.kind}/side-total/${at}`,
            description: `${table.id} ${table.kind}: ${rowLabel(layout.total)} = Σ ${side} items [${column}]`,
            left: [termOf(table, layout.total, column)],
            right: columnTerms(table, layout.items, column),
          }),
        );
      }
      if (layout.total && layout.grand) {
        results.push(
          checkIdentity({
            ...base,
            check: `${table.kind}/grand-total/${at}`,
            description: `${table.id} ${table.kind}: ${rowLabel(layout.grand)} = ${[layout.total, ...layout.carries]
              .map(rowLabel)
              .join(' + ')} [${column}]`,
            left: [termOf(table, layout.grand, column)],
            right: columnTerms(table, [layout.total, ...layout.carries], column),
          }),
        );
      }
      for (const { parent, rows } of layout.breakdowns) {
        results.push(
          checkIdentity({
            ...base,
            check: `${table.kind}/carry-breakdown/${at}/${parent.name}`,
            description: `${table.id} ${table.kind}: ${rowLabel(parent)} = Σ its fund lines [${column}]`,
            left: [termOf(table, parent, column)],
            right: columnTerms(table, rows, column),
          }),
        );
      }
    }
  }
  const { income, expenditure } = layouts;
  if (income.grand && expenditure.grand) {
    const expColumn = sideColumns(table, 'expenditure').includes('total') ? 'total' : 'amount';
    results.push(
      checkIdentity({
        ...base,
        check: `${table.kind}/balance`,
        description: `${table.id} ${table.kind}: 收入总计 = 支出总计`,
        left: [termOf(table, income.grand, 'amount')],
        right: [termOf(table, expenditure.grand, expColumn)],
      }),
    );
  }
  if (table.kind === 'appropriation_summary') results.push(...fundBalances(doc, table, income, expenditure));
  return results.filter((r): r is ValidationResult => r !== undefined);
}

/** Per fund of 财政拨款收入支出决算总表: 本年收入 + 年初结转和结余 of the fund = 支出 总计 in the fund's column. */
function fundBalances(doc: NormalizedDocument, table: NormalizedTable, income: SideLayout, expenditure: SideLayout) {
  const columns = sideColumns(table, 'expenditure');
  const breakdown = income.breakdowns.flatMap((b) => b.rows);
  return SUMMARY_INCOME_LINES.filter((l) => l.fund && columns.includes(l.fund)).map((line) => {
    const fund = line.fund as string;
    const parts = [income.items, breakdown].map((rows) => rows.find((r) => nameMatches(r, line.name)));
    if (!expenditure.grand || !parts[0]) return undefined;
    return checkIdentity({
      document: doc.meta.document,
      check: `${table.kind}/fund-balance/${fund}`,
      description: `${table.id} ${table.kind}: ${fund}: 本年收入 + 年初结转和结余 = 支出 ${rowLabel(expenditure.grand)} [${fund}]`,
      left: [termOf(table, expenditure.grand, fund)],
      right: parts.filter((r) => r !== undefined).map((r) => termOf(table, r, 'amount')),
      tables: [table],
    });
  });
}
