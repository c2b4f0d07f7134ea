/** Which table cell a restated amount speaks of: the summary totals, a column of 合计, a 类 or a 项 row. */
import type { NormalizedDocument, NormalizedRow, NormalizedTable, TableKind } from '../../model.ts';
import { basicFooters } from '../basic-detail.ts';
import { classRows, codedRows, totalRow } from '../hierarchy.ts';
import { nameKey } from '../names.ts';
import { tableOf } from '../tables.ts';
import { sideLayout } from '../two-sided.ts';
import type { Statement } from './statements.ts';

/** A table cell a restated amount is compared with. */
export interface Target {
  kind: TableKind;
  /** What the text claims to restate, for the description. */
  what: string;
  /** Finds the row and column in the table of that kind. */
  locate: (table: NormalizedTable) => { row?: NormalizedRow; column: string };
}

const INCOME_COLUMNS: Record<string, string> = {
  财政拨款收入: 'fiscal',
  上级补助收入: 'superior_subsidy',
  事业收入: 'business',
  经营收入: 'operating',
  附属单位上缴收入: 'affiliated',
  其他收入: 'other',
};
const EXPENDITURE_COLUMNS: Record<string, string> = {
  基本支出: 'basic',
  项目支出: 'project',
  上缴上级支出: 'remit_superior',
  经营支出: 'operating',
  对附属单位补助支出: 'affiliated_subsidy',
};

const total = (kind: TableKind, column: string, what: string): Target => ({
  kind,
  what,
  locate: (t) => ({ row: totalRow(t), column }),
});
const side = (
  kind: TableKind,
  s: 'income' | 'expenditure',
  role: 'total' | 'grand',
  column: string,
  what: string,
): Target => ({
  kind,
  what,
  locate: (t) => ({ row: sideLayout(t, s)[role], column }),
});
const footer = (role: 'personnel' | 'publicUse', what: string): Target => ({
  kind: 'general_budget_basic',
  what,
  // A detail table printing 金额 and 其中：基本支出: the text speaks of the 基本支出 part.
  locate: (t) => ({
    row: basicFooters(t)[role],
    column: t.rows.some((r) => r.values.basic?.status === 'number') ? 'basic' : 'amount',
  }),
});

/** Labels restating a line of 部门决算公开相关信息统计表, and the row names they restate. */
const STATISTICS: [RegExp, RegExp][] = [
  [/^政府采购支出总额$/, /^(政府采购)?合计$/],
  [/^政府采购货物支出$/, /^货物$/],
  [/^政府采购工程支出$/, /^工程$/],
  [/^政府采购服务(支出)?$/, /^服务$/],
  [/^机关运行经费支出$/, /^机关运行经费(支出)?(合计)?$/],
];

/** The lines 机关运行经费 is split into when the statistics table prints no total for it. */
const RUNNING_COST_PARTS = /^(行政单位|参照公务员法管理(的)?事业单位)$/;

/**
 * A statistics row by name, only when it prints an amount (group headings such as 机关运行经费 print none). A
 * 机关运行经费 heading without an amount is its parts' sum: when exactly one part prints an amount, that one.
 */
function statisticTarget(name: RegExp, what: string): Target {
  const printed = (r: NormalizedRow) => r.values.amount?.status === 'number';
  return {
    kind: 'other_info',
    what,
    locate: (t) => {
      const row = t.rows.find((r) => name.test(nameKey(r.name || r.namePrinted)) && printed(r));
      if (row || !name.test('机关运行经费')) return { row, column: 'amount' };
      const parts = t.rows.filter((r) => RUNNING_COST_PARTS.test(nameKey(r.name || r.namePrinted)) && printed(r));
      return { row: parts.length === 1 ? parts[0] : undefined, column: 'amount' };
    },
  };
}

/** The target of a labelled amount, or undefined when the label is ambiguous in that sentence. */
function labelTarget(label: string, q: string): Target | undefined {
  const grand = /总计$/.test(label);
  const l = label.replace(/^本年/, '');
  if (/人员经费/.test(l)) return footer('personnel', '人员经费合计');
  if (/公用经费/.test(l)) return footer('publicUse', '公用经费合计');
  const statistic = STATISTICS.find(([re]) => re.test(l));
  if (statistic) return statisticTarget(statistic[1], l);
  if (q === 'none' && /^收、?支总计$|^收入总计$/.test(l))
    return side('summary', 'income', 'grand', 'amount', '收入总计');
  if (q === 'fiscal' && /^收、?支总计$|^收入总计$/.test(l))
    return side('appropriation_summary', 'income', 'grand', 'amount', '财政拨款收入总计');
  if (q === 'none' && l === '支出总计') return side('summary', 'expenditure', 'grand', 'amount', '支出总计');
  if (q === 'fiscal' && l === '支出总计')
    return side('appropriation_summary', 'expenditure', 'grand', 'total', '财政拨款支出总计');
  if (grand) return undefined;
  if (l === '收入合计') {
    if (q === 'none') return side('summary', 'income', 'total', 'amount', '本年收入合计');
    if (q === 'fiscal') return side('appropriation_summary', 'income', 'total', 'amount', '财政拨款本年收入合计');
    return undefined;
  }
  if (l === '支出合计') {
    if (q === 'none') return side('summary', 'expenditure', 'total', 'amount', '本年支出合计');
    if (q === 'fiscal') return side('appropriation_summary', 'expenditure', 'total', 'total', '财政拨款本年支出合计');
    if (q === 'general_budget') return total('general_budget', 'total', '一般公共预算财政拨款支出合计');
    return undefined;
  }
  if (l === '财政拨款支出') {
    if (q === 'general_budget') return total('general_budget', 'total', '一般公共预算财政拨款支出');
    if (q === 'gov_fund') return total('gov_fund', 'total', '政府性基金预算财政拨款支出');
    if (q === 'state_capital') return total('state_capital', 'total', '国有资本经营预算财政拨款支出');
    return undefined;
  }
  if (l === '财政拨款基本支出') {
    if (q === 'none' || q === 'fiscal' || q === 'general_budget')
      return total('general_budget', 'basic', '一般公共预算财政拨款基本支出');
    return undefined;
  }
  const income = INCOME_COLUMNS[l];
  if (income) {
    if (l === '财政拨款收入' && q === 'general_budget') return summaryIncome(/^一般公共预算财政拨款(收入)?$/, l);
    if (l === '财政拨款收入' && q === 'gov_fund') return summaryIncome(/^政府性基金预算财政拨款(收入)?$/, l);
    return q === 'none' ? total('income', income, `收入决算 合计 ${l}`) : undefined;
  }
  const expenditure = EXPENDITURE_COLUMNS[l];
  if (expenditure) {
    if (q === 'none') return total('expenditure', expenditure, `支出决算 合计 ${l}`);
    if (expenditure !== 'basic' && expenditure !== 'project') return undefined;
    if (q === 'fiscal' || q === 'general_budget')
      return total('general_budget', expenditure, `一般公共预算财政拨款${l}`);
    if (q === 'gov_fund') return total('gov_fund', expenditure, `政府性基金预算财政拨款${l}`);
    if (q === 'state_capital') return total('state_capital', expenditure, `国有资本经营预算财政拨款${l}`);
  }
  return undefined;
}

function summaryIncome(name: RegExp, what: string): Target {
  return {
    kind: 'summary',
    what,
    locate: (t) => ({ row: sideLayout(t, 'income').items.find((r) => name.test(nameKey(r.name))), column: 'amount' }),
  };
}

/** The printed row whose name the text's name ends with (支出 suffixes ignored); longest name wins. */
function byName(rows: readonly NormalizedRow[], printed: string): NormalizedRow | undefined {
  const want = nameKey(printed).replace(/支出$/, '');
  const hits = rows.filter((r) => {
    const have = nameKey(r.name || r.namePrinted).replace(/支出$/, '');
    return have.length > 0 && want.endsWith(have);
  });
  return hits.sort((a, b) => b.name.length - a.name.length)[0];
}

function classTarget(s: Extract<Statement, { type: 'class' }>): Target {
  return {
    kind: s.section,
    what: `${s.names[0]}(类)`,
    locate: (t) => ({ row: byName(classRows(t), s.names[0]), column: 'total' }),
  };
}

function itemTarget(s: Extract<Statement, { type: 'item' }>): Target {
  return {
    kind: s.section,
    what: `${s.names[0]}(类)${s.names[1]}(款)${s.names[2]}(项)`,
    locate: (t) => {
      const rows = codedRows(t);
      const cls = byName(classRows(t), s.names[0]);
      if (!cls) return { column: 'total' };
      const under = (prefix: string, len: number) =>
        rows.filter((r) => r.code.length === len && r.code.startsWith(prefix));
      const kuan = byName(under(cls.code, 5), s.names[1]);
      const items = under(kuan?.code ?? cls.code, 7);
      const matches = items.filter((r) => byName([r], s.names[2]));
      // Without the 款 row, a 项 name must be unique under the 类 to be trusted.
      return { row: kuan || matches.length === 1 ? byName(items, s.names[2]) : undefined, column: 'total' };
    },
  };
}

function economicTarget(s: Extract<Statement, { type: 'economic' }>): Target {
  return {
    kind: 'general_budget_basic',
    what: `经济分类 ${s.names[0]}`,
    locate: (t) => ({
      row: classRows(t).find((r) => nameKey(r.name) === s.names[0] || nameKey(r.namePrinted) === s.names[0]),
      column: t.rows.some((r) => r.values.basic?.status === 'number') ? 'basic' : 'amount',
    }),
  };
}

function threePublicTarget(s: Extract<Statement, { type: 'three_public' }>): Target {
  return {
    kind: 'three_public',
    what: `三公 ${s.column}`,
    // The table has one data row.
    locate: (t) => ({ row: t.rows.find((r) => Object.keys(r.values).length > 0), column: s.column }),
  };
}

/** The target of a statement, or undefined when the text is too ambiguous to compare. */
export function targetOf(s: Statement): Target | undefined {
  if (s.type === 'label') return labelTarget(s.label, s.qualifier);
  if (s.type === 'class') return classTarget(s);
  if (s.type === 'economic') return economicTarget(s);
  if (s.type === 'three_public') return threePublicTarget(s);
  return itemTarget(s);
}

/** The table a target is compared against: one with data, else one printing only zeros (absent: undefined). */
export function targetTable(doc: NormalizedDocument, target: Target): NormalizedTable | undefined {
  return tableOf(doc, target.kind) ?? doc.tables.find((t) => t.kind === target.kind && t.rows.length > 0);
}
