/**
 * Identities across the tables of one document: the summary tables restate the detail tables' totals,
 * 财政拨款 columns restate the per-fund tables, and 基本支出 detail restates the 一般公共预算 基本支出.
 */
import type { NormalizedDocument, NormalizedRow, NormalizedTable, TableKind, ValidationResult } from '../model.ts';
import { basicFooters } from './basic-detail.ts';
import { type Term, termOf } from './cells.ts';
import { classRows, totalRow } from './hierarchy.ts';
import { SUMMARY_INCOME_LINES } from './identities.ts';
import { checkIdentity, skipped } from './identity.ts';
import { nameKey, nameMatches } from './names.ts';
import { missingTables, tableOf } from './tables.ts';
import { type Side, sideLayout } from './two-sided.ts';

interface Ref {
  table: NormalizedTable;
  row: NormalizedRow | undefined;
  column: string;
  /** A row that may be left out when it is zero (a 类 a table does not print); otherwise a missing row skips. */
  optional?: boolean;
}

type Check = (doc: NormalizedDocument) => (ValidationResult | undefined)[];

function compare(doc: NormalizedDocument, check: string, description: string, left: Ref[], right: Ref[]) {
  const absent = [...left, ...right].find((r) => !r.row && !r.optional);
  // A total row the table does not print (e.g. a budget 收支总表 without 本年支出合计) is not a zero.
  if (absent) return skipped(doc.meta.document, check, description, `${absent.table.id} prints no such row`);
  const terms = (refs: Ref[]): Term[] => refs.map((r) => termOf(r.table, r.row, r.column));
  const tables = [...new Set([...left, ...right].map((r) => r.table))];
  return checkIdentity({
    document: doc.meta.document,
    check,
    description,
    left: terms(left),
    right: terms(right),
    tables,
  });
}

/** Run `body` with the tables it needs, or report one skipped result naming what is absent. */
function withTables(
  doc: NormalizedDocument,
  check: string,
  description: string,
  kinds: TableKind[],
  body: (t: NormalizedTable[]) => (ValidationResult | undefined)[],
): (ValidationResult | undefined)[] {
  const why = missingTables(doc, kinds);
  if (why) return [skipped(doc.meta.document, check, description, why)];
  return body(kinds.map((k) => tableOf(doc, k) as NormalizedTable));
}

function isNonZero(row: NormalizedRow | undefined, column: string): boolean {
  const v = row?.values[column];
  return v?.status === 'number' && !/^-?0$/.test(v.value);
}

/** 类 items of a summary side matched with a coded table's 类 rows (by code, else by name), nonzero somewhere. */
function matchClasses(
  items: NormalizedRow[],
  itemColumn: string,
  coded: NormalizedTable,
  codedColumn: string,
): { key: string; item?: NormalizedRow; row?: NormalizedRow }[] {
  const rows = classRows(coded);
  const byName = new Map(rows.map((r) => [nameKey(r.name || r.namePrinted), r]));
  const pairs: { key: string; item?: NormalizedRow; row?: NormalizedRow }[] = [];
  const used = new Set<NormalizedRow>();
  for (const item of items) {
    const row =
      rows.find((r) => item.code && r.code === item.code) ?? byName.get(nameKey(item.name || item.namePrinted));
    // Neither a 类 code nor a 类 name of the other table: not a 类 line (e.g. 支出总计 of a budget summary).
    if (!row && !/^\d{3}$/.test(item.code)) continue;
    if (row) used.add(row);
    pairs.push({ key: item.code || nameKey(item.name), item, row });
  }
  for (const row of rows) if (!used.has(row)) pairs.push({ key: row.code, row });
  return pairs.filter((p) => isNonZero(p.item, itemColumn) || isNonZero(p.row, codedColumn));
}

function summaryLine(table: NormalizedTable, side: Side, re: RegExp): NormalizedRow | undefined {
  return sideLayout(table, side).items.find((r) => nameMatches(r, re));
}

/** The 收入支出决算总表 side whose 本年合计 restates the 合计 row of a detail table. */
const SUMMARY_TOTALS = [
  { side: 'income', detail: 'income', word: '收入', title: '收入决算表' },
  { side: 'expenditure', detail: 'expenditure', word: '支出', title: '支出决算表' },
] as const;

const summaryVersusDetail: Check = (doc) => [
  ...SUMMARY_TOTALS.flatMap(({ side, detail, word, title }) =>
    withTables(
      doc,
      `cross/summary-${side}-total`,
      `收入支出决算总表 本年${word}合计 = ${title} 合计`,
      ['summary', detail],
      ([s, d]) => [
        compare(
          doc,
          `cross/summary-${side}-total`,
          `${s!.id} 本年${word}合计 = ${d!.id} 合计 本年${word}合计`,
          [{ table: s!, row: sideLayout(s!, side).total, column: 'amount' }],
          [{ table: d!, row: totalRow(d!), column: 'total' }],
        ),
      ],
    ),
  ),
  ...withTables(
    doc,
    'cross/summary-classes',
    '收入支出决算总表 支出类 = 支出决算表 类',
    ['summary', 'expenditure'],
    ([s, e]) =>
      matchClasses(sideLayout(s!, 'expenditure').items, 'amount', e!, 'total').map(({ key, item, row }) =>
        compare(
          doc,
          `cross/summary-classes/${key}`,
          `${s!.id} 支出 ${item?.name ?? row?.name} = ${e!.id} 类 ${key} 本年支出合计`,
          [{ table: s!, row: item, column: 'amount', optional: true }],
          [{ table: e!, row, column: 'total', optional: true }],
        ),
      ),
  ),
  ...withTables(
    doc,
    'cross/summary-income-lines',
    '收入支出决算总表 收入 lines = 收入决算表 合计 columns',
    ['summary', 'income'],
    ([s, i]) => {
      const byColumn = new Map<string, NormalizedRow[]>();
      for (const line of SUMMARY_INCOME_LINES) {
        const row = summaryLine(s!, 'income', line.name);
        if (row) byColumn.set(line.column, [...(byColumn.get(line.column) ?? []), row]);
      }
      return [...byColumn].map(([column, rows]) =>
        compare(
          doc,
          `cross/summary-income-lines/${column}`,
          `${s!.id} ${rows.map((r) => r.name).join(' + ')} = ${i!.id} 合计 ${column}`,
          rows.map((row) => ({ table: s!, row, column: 'amount' })),
          [{ table: i!, row: totalRow(i!), column }],
        ),
      );
    },
  ),
];

const FUNDS = ['general_budget', 'gov_fund', 'state_capital'] as const;

const appropriationVersusFunds: Check = (doc) => [
  ...withTables(
    doc,
    'cross/appropriation-income-lines',
    '财政拨款收入支出决算总表 收入 = 收入支出决算总表 财政拨款收入 lines',
    ['appropriation_summary', 'summary'],
    ([a, s]) =>
      SUMMARY_INCOME_LINES.filter((l) => l.fund).map((line) =>
        compare(
          doc,
          `cross/appropriation-income-lines/${line.fund}`,
          `${a!.id} 收入 ${line.fund} = ${s!.id} 收入 ${line.fund}`,
          [{ table: a!, row: summaryLine(a!, 'income', line.name), column: 'amount' }],
          [{ table: s!, row: summaryLine(s!, 'income', line.name), column: 'amount' }],
        ),
      ),
  ),
  ...FUNDS.flatMap((fund) =>
    withTables(
      doc,
      `cross/appropriation-${fund}`,
      `财政拨款收入支出决算总表 ${fund} column = ${fund} table`,
      ['appropriation_summary', fund],
      ([a, f]) => {
        const exp = sideLayout(a!, 'expenditure');
        const results = [
          compare(
            doc,
            `cross/appropriation-${fund}/total`,
            `${a!.id} 本年支出合计 [${fund}] = ${f!.id} 合计`,
            [{ table: a!, row: exp.total, column: fund }],
            [{ table: f!, row: totalRow(f!), column: 'total' }],
          ),
          ...matchClasses(exp.items, fund, f!, 'total').map(({ key, item, row }) =>
            compare(
              doc,
              `cross/appropriation-${fund}/${key}`,
              `${a!.id} ${item?.name ?? row?.name} [${fund}] = ${f!.id} 类 ${key}`,
              [{ table: a!, row: item, column: fund, optional: true }],
              [{ table: f!, row, column: 'total', optional: true }],
            ),
          ),
        ];
        if (fund === 'general_budget') return results;
        // Per-fund income and carry-over lines, where the fund table prints those columns.
        const income = sideLayout(a!, 'income');
        const line = SUMMARY_INCOME_LINES.find((l) => l.fund === fund)!;
        const fundTotal = totalRow(f!);
        const begin = income.breakdowns.flatMap((b) => b.rows).find((r) => nameMatches(r, line.name));
        const end = exp.carries.find((r) => /年末/.test(r.name));
        if (fundTotal?.values.income) {
          results.push(
            compare(
              doc,
              `cross/appropriation-${fund}/income`,
              `${a!.id} 收入 ${fund} = ${f!.id} 合计 本年收入`,
              [{ table: a!, row: income.items.find((r) => nameMatches(r, line.name)), column: 'amount' }],
              [{ table: f!, row: fundTotal, column: 'income' }],
            ),
          );
        }
        if (fundTotal?.values.carryover_begin && begin) {
          results.push(
            compare(
              doc,
              `cross/appropriation-${fund}/carryover-begin`,
              `${a!.id} 年初结转和结余 ${fund} = ${f!.id} 合计 年初结转和结余`,
              [{ table: a!, row: begin, column: 'amount' }],
              [{ table: f!, row: fundTotal, column: 'carryover_begin' }],
            ),
          );
        }
        if (fundTotal?.values.carryover_end && end) {
          results.push(
            compare(
              doc,
              `cross/appropriation-${fund}/carryover-end`,
              `${a!.id} 年末结转和结余 [${fund}] = ${f!.id} 合计 年末结转和结余`,
              [{ table: a!, row: end, column: fund }],
              [{ table: f!, row: fundTotal, column: 'carryover_end' }],
            ),
          );
        }
        return results;
      },
    ),
  ),
];

const basicDetailVersusGeneralBudget: Check = (doc) =>
  withTables(
    doc,
    'cross/basic-detail',
    '基本支出决算表 合计 (人员经费 + 公用经费) = 一般公共预算财政拨款支出决算表 合计 基本支出',
    ['general_budget_basic', 'general_budget'],
    ([d, g]) => {
      const { personnel, publicUse, total } = basicFooters(d!);
      // The printed 合计 when there is one (tied to 人员经费 + 公用经费 within the table), else those, else Σ 类.
      const parts = total
        ? [total]
        : personnel || publicUse
          ? [personnel, publicUse].filter((r) => r !== undefined)
          : classRows(d!);
      const gTotal = totalRow(g!);
      const hasBasicColumn = d!.rows.some((r) => r.values.basic?.status === 'number');
      // A detail table with 金额 + 其中：基本支出 covers all 一般公共预算 spending; a 基本支出 table only 基本支出.
      const pairs: [string, string][] = hasBasicColumn
        ? [
            ['amount', 'total'],
            ['basic', 'basic'],
          ]
        : [['amount', /基本支出/.test(d!.title) || !d!.title ? 'basic' : 'total']];
      return pairs.map(([from, to]) =>
        compare(
          doc,
          `cross/basic-detail/${from}`,
          `${d!.id} ${parts.map((r) => r.name).join(' + ')} [${from}] = ${g!.id} 合计 [${to}]`,
          parts.map((row) => ({ table: d!, row, column: from })),
          [{ table: g!, row: gTotal, column: to }],
        ),
      );
    },
  );

/** All cross-table identities of one document. */
export function crossTableChecks(doc: NormalizedDocument): ValidationResult[] {
  return [summaryVersusDetail, appropriationVersusFunds, basicDetailVersusGeneralBudget]
    .flatMap((check) => check(doc))
    .filter((r): r is ValidationResult => r !== undefined);
}
