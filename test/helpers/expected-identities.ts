/**
 * Accounting identities of the 公开01–10 tables, evaluated on the expected values themselves: the check that
 * the hand transcription is right (a misread digit breaks a sum) and the list of what the printed report
 * gets wrong. Blank cells are not listed in the expected files and count as 0 here.
 */
import { add, type Dec, dec, sub, sum, toDecimalString } from '../../packages/extract/src/common/decimal.ts';
import type { ExpectedRow } from './expected-csv.ts';

export interface IdentityResult {
  /** Stable text naming the identity, e.g. `expenditure 合计: total = basic + project + …`. */
  id: string;
  holds: boolean;
  /** Left side and right side in 元, and left − right. */
  lhs: string;
  rhs: string;
  difference: string;
  /** Source lines of the cells involved. */
  lines: number[];
}

type Pick = (r: ExpectedRow) => boolean;
interface Term {
  pick: Pick;
  col: string;
  label: string;
  negate?: boolean;
}

const FUNCTIONAL_KINDS = ['income', 'expenditure', 'general_budget', 'gov_fund', 'state_capital'] as const;
const ROW_SUMS: Record<string, [string, string[]][]> = {
  income: [['total', ['fiscal', 'superior_subsidy', 'business', 'operating', 'affiliated', 'other']]],
  expenditure: [['total', ['basic', 'project', 'remit_superior', 'operating', 'affiliated_subsidy']]],
  general_budget: [['total', ['basic', 'project']]],
  state_capital: [['total', ['basic', 'project']]],
  gov_fund: [['total', ['basic', 'project']]],
  three_public: ['budget', 'final'].flatMap((p): [string, string[]][] => [
    [`${p}_total`, [`${p}_overseas`, `${p}_vehicle_total`, `${p}_reception`]],
    [`${p}_vehicle_total`, [`${p}_vehicle_purchase`, `${p}_vehicle_operation`]],
  ]),
};
const SUMMARY_INCOME_TOTALS = ['本年收入合计', '使用非财政拨款结余', '年初结转和结余', '收入总计', '总计'];
const PERSONNEL_CLASSES = ['301', '303'];

const kind =
  (k: string): Pick =>
  (r) =>
    r.table_kind === k;
const and =
  (...ps: Pick[]): Pick =>
  (r) =>
    ps.every((p) => p(r));
const code =
  (c: string): Pick =>
  (r) =>
    r.row_code === c;
const named =
  (...names: string[]): Pick =>
  (r) =>
    r.row_code === '' && names.includes(r.row_name);
const line =
  (l: string): Pick =>
  (r) =>
    r.row_line === l;
const side =
  (s: string): Pick =>
  (r) =>
    r.side === s;

/** Evaluate identities over one document's expected rows. */
export function checkIdentities(rows: readonly ExpectedRow[]): IdentityResult[] {
  const results: IdentityResult[] = [];
  const cells = (pick: Pick, col: string) => rows.filter((r) => pick(r) && r.column_key === col);
  const value = (t: Term): { dec: Dec; lines: number[]; found: boolean } => {
    const hit = cells(t.pick, t.col);
    const total = sum(hit.map((r) => dec(r.value)));
    return { dec: t.negate ? sub(dec('0'), total) : total, lines: hit.map((r) => r.line), found: hit.length > 0 };
  };
  /** lhs = Σ terms; recorded only when at least one cell is printed. */
  const identity = (id: string, lhs: Term, terms: Term[]) => {
    const l = value(lhs);
    const ts = terms.map(value);
    if (!l.found && !ts.some((t) => t.found)) return;
    const r = ts.reduce((acc, t) => add(acc, t.dec), dec('0'));
    const difference = toDecimalString(sub(l.dec, r));
    results.push({
      id,
      holds: difference === '0',
      lhs: toDecimalString(l.dec),
      rhs: toDecimalString(r),
      difference,
      lines: [...new Set([...l.lines, ...ts.flatMap((t) => t.lines)])].sort((a, b) => a - b),
    });
  };
  const term = (pick: Pick, col: string, label: string, negate = false): Term => ({ pick, col, label, negate });
  const rowsOf = (pick: Pick) => rows.filter(pick);
  const rowKey = (r: ExpectedRow) => r.row_code || r.row_name;
  const distinct = (pick: Pick, by: (r: ExpectedRow) => string) => [...new Set(rowsOf(pick).map(by))];
  const columnsOf = (pick: Pick) => distinct(pick, (r) => r.column_key);

  // Row identities: a total column equals the sum of its part columns, row by row.
  for (const [k, sums] of Object.entries(ROW_SUMS)) {
    for (const key of distinct(kind(k), rowKey)) {
      const row = and(kind(k), (r) => rowKey(r) === key);
      for (const [total, parts] of sums) {
        identity(
          `${k} ${key || '(row)'}: ${total} = ${parts.join(' + ')}`,
          term(row, total, total),
          parts.map((p) => term(row, p, p)),
        );
      }
    }
  }
  for (const key of distinct(kind('gov_fund'), rowKey)) {
    const row = and(kind('gov_fund'), (r) => rowKey(r) === key);
    identity(`gov_fund ${key}: carryover_end = carryover_begin + income − total`, term(row, 'carryover_end', ''), [
      term(row, 'carryover_begin', ''),
      term(row, 'income', ''),
      term(row, 'total', '', true),
    ]);
  }
  const approExp = and(kind('appropriation_summary'), side('expenditure'));
  for (const l of distinct(approExp, (r) => r.row_line)) {
    const row = and(approExp, line(l));
    const name = rowsOf(row)[0];
    identity(
      `appropriation_summary expenditure ${name ? rowKey(name) : l}: total = general_budget + gov_fund + state_capital`,
      term(row, 'total', ''),
      ['general_budget', 'gov_fund', 'state_capital'].map((c) => term(row, c, c)),
    );
  }

  // Hierarchy: parent = Σ children (next printed level), 合计 = Σ top level.
  const hierarchy = (k: string, top: number, extraPick: Pick = () => true) => {
    const table = and(kind(k), extraPick);
    const codes = distinct(table, (r) => r.row_code).filter((c) => c !== '');
    for (const col of columnsOf(table)) {
      for (const parent of codes) {
        const below = codes.filter((c) => c.startsWith(parent) && c.length > parent.length);
        const nextLen = Math.min(...below.map((c) => c.length));
        const children = below.filter((c) => c.length === nextLen);
        if (children.length === 0) continue;
        identity(
          `${k} ${parent}: ${col} = Σ ${children.join(' + ')}`,
          term(and(table, code(parent)), col, parent),
          children.map((c) => term(and(table, code(c)), col, c)),
        );
      }
      const tops = codes.filter((c) => c.length === top);
      if (k !== 'general_budget_basic') {
        identity(
          `${k} 合计: ${col} = Σ ${tops.join(' + ')}`,
          term(and(table, named('合计')), col, '合计'),
          tops.map((c) => term(and(table, code(c)), col, c)),
        );
      }
    }
  };
  for (const k of FUNCTIONAL_KINDS) hierarchy(k, 3);
  hierarchy('general_budget_basic', 3);

  // 06: footers.
  const basic = kind('general_budget_basic');
  const classes = distinct(basic, (r) => r.row_code).filter((c) => c.length === 3);
  const grouped = rowsOf(basic).some((r) => r.row_path !== '');
  const isPersonnel = (c: string) =>
    grouped ? rowsOf(and(basic, code(c))).every((r) => r.row_path === '人员经费') : PERSONNEL_CLASSES.includes(c);
  const personnel = classes.filter(isPersonnel);
  const publicUse = classes.filter((c) => !isPersonnel(c));
  for (const col of columnsOf(basic)) {
    identity(
      `general_budget_basic 人员经费合计: ${col} = Σ ${personnel.join(' + ')}`,
      term(and(basic, named('人员经费合计')), col, ''),
      personnel.map((c) => term(and(basic, code(c)), col, c)),
    );
    identity(
      `general_budget_basic 公用经费合计: ${col} = Σ ${publicUse.join(' + ')}`,
      term(and(basic, named('公用经费合计')), col, ''),
      publicUse.map((c) => term(and(basic, code(c)), col, c)),
    );
    if (rowsOf(and(basic, named('合计'))).length > 0) {
      identity(
        `general_budget_basic 合计: ${col} = 人员经费合计 + 公用经费合计`,
        term(and(basic, named('合计')), col, ''),
        [term(and(basic, named('人员经费合计')), col, ''), term(and(basic, named('公用经费合计')), col, '')],
      );
    }
  }

  // 01 收入支出决算总表.
  const sInc = and(kind('summary'), side('income'));
  const sExp = and(kind('summary'), side('expenditure'));
  const sIncItems = and(sInc, (r) => !SUMMARY_INCOME_TOTALS.includes(r.row_name));
  const sClasses = and(sExp, (r) => r.row_code !== '');
  const amt = (p: Pick) => term(p, 'amount', '');
  identity('summary income 本年收入合计 = Σ income items 1–8', amt(and(sInc, named('本年收入合计'))), [amt(sIncItems)]);
  identity(
    'summary income 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余',
    amt(and(sInc, named('收入总计', '总计'))),
    [amt(and(sInc, named('本年收入合计'))), amt(and(sInc, named('使用非财政拨款结余', '年初结转和结余')))],
  );
  identity('summary expenditure 本年支出合计 = Σ 类', amt(and(sExp, named('本年支出合计'))), [amt(sClasses)]);
  identity(
    'summary expenditure 总计 = 本年支出合计 + 结余分配 + 年末结转和结余',
    amt(and(sExp, named('支出总计', '总计'))),
    [amt(and(sExp, named('本年支出合计'))), amt(and(sExp, named('结余分配', '年末结转和结余', '年末结转与结余')))],
  );
  identity('summary income 总计 = expenditure 总计', amt(and(sInc, named('收入总计', '总计'))), [
    amt(and(sExp, named('支出总计', '总计'))),
  ]);

  // 04 财政拨款收入支出决算总表 (行次 1–3, 27–32 and 59/60/64 are the same in every seed template).
  const aInc = and(kind('appropriation_summary'), side('income'));
  const lines = (...ls: string[]) => and(aInc, (r) => ls.includes(r.row_line));
  identity('appropriation_summary income 本年收入合计(27) = Σ 1–3', amt(lines('27')), [amt(lines('1', '2', '3'))]);
  identity('appropriation_summary income 年初结转和结余(28) = Σ 29–31', amt(lines('28')), [
    amt(lines('29', '30', '31')),
  ]);
  identity('appropriation_summary income 总计(32) = 27 + 28', amt(lines('32')), [amt(lines('27', '28'))]);
  for (const col of columnsOf(approExp)) {
    identity(
      `appropriation_summary expenditure 本年支出合计: ${col} = Σ 类`,
      term(and(approExp, line('59')), col, ''),
      [
        term(
          and(approExp, (r) => r.row_code !== ''),
          col,
          '',
        ),
      ],
    );
    identity(
      `appropriation_summary expenditure 总计: ${col} = 本年支出合计 + 年末结转和结余`,
      term(and(approExp, line('64')), col, ''),
      [
        term(
          and(approExp, (r) => r.row_line === '59' || r.row_line === '60'),
          col,
          '',
        ),
      ],
    );
  }
  identity('appropriation_summary income 总计 = expenditure 总计', amt(lines('32')), [
    term(and(approExp, line('64')), 'total', ''),
  ]);

  // Cross-table.
  const total = (k: string, p: Pick, col = 'total') => term(and(kind(k), p), col, '');
  const cross = (id: string, lhs: Term, rhs: Term, needsTable: string) => {
    if (rowsOf(kind(needsTable)).length > 0) identity(id, lhs, [rhs]);
  };
  cross(
    '01 本年收入合计 = 02 合计 total',
    amt(and(sInc, named('本年收入合计'))),
    total('income', named('合计')),
    'income',
  );
  cross(
    '01 本年支出合计 = 03 合计 total',
    amt(and(sExp, named('本年支出合计'))),
    total('expenditure', named('合计')),
    'expenditure',
  );
  for (const c of distinct(sClasses, (r) => r.row_code)) {
    cross(`01 类 ${c} = 03 ${c} total`, amt(and(sExp, code(c))), total('expenditure', code(c)), 'expenditure');
  }
  const fiscalItems = and(sInc, (r) => ['1', '2', '3'].includes(r.row_line));
  cross('01 财政拨款收入 (1–3) = 02 合计 fiscal', amt(fiscalItems), total('income', named('合计'), 'fiscal'), 'income');
  cross('01 收入 1–3 = 04 收入 1–3', amt(fiscalItems), amt(lines('1', '2', '3')), 'appropriation_summary');
  cross('04 本年收入合计 = 02 合计 fiscal', amt(lines('27')), total('income', named('合计'), 'fiscal'), 'income');
  const approClasses = distinct(approExp, (r) => r.row_code).filter((c) => c !== '');
  for (const [col, k] of [
    ['general_budget', 'general_budget'],
    ['gov_fund', 'gov_fund'],
    ['state_capital', 'state_capital'],
  ] as const) {
    cross(
      `04 本年支出合计 ${col} = ${k} 合计 total`,
      term(and(approExp, line('59')), col, ''),
      total(k, named('合计')),
      k,
    );
    for (const c of approClasses) {
      cross(`04 类 ${c} ${col} = ${k} ${c} total`, term(and(approExp, code(c)), col, ''), total(k, code(c)), k);
    }
  }
  cross(
    '04 收入 政府性基金预算财政拨款 (2) = gov_fund 合计 income',
    amt(lines('2')),
    total('gov_fund', named('合计'), 'income'),
    'gov_fund',
  );
  const footers = and(basic, named('人员经费合计', '公用经费合计'));
  if (columnsOf(basic).includes('basic')) {
    cross(
      '05 合计 total = 06 人员经费合计 + 公用经费合计 (amount)',
      total('general_budget', named('合计')),
      term(footers, 'amount', ''),
      'general_budget_basic',
    );
    cross(
      '05 合计 basic = 06 人员经费合计 + 公用经费合计 (basic)',
      total('general_budget', named('合计'), 'basic'),
      term(footers, 'basic', ''),
      'general_budget_basic',
    );
  } else {
    cross(
      '05 合计 basic = 06 人员经费合计 + 公用经费合计',
      total('general_budget', named('合计'), 'basic'),
      term(footers, 'amount', ''),
      'general_budget_basic',
    );
  }
  return results;
}
