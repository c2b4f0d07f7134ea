/**
 * The accounting identities of the 部门决算 tables, as data (docs/contract.md column keys, domain notes §3.4).
 * Kept apart from the code that evaluates them so a profile can supply its own.
 */
import type { TableKind } from '../model.ts';
import type { Identity } from '../profile/identities.ts';

/** `total` = Σ parts within one row; a part prefixed with '-' is subtracted. */
export interface ColumnIdentity {
  name: string;
  total: string;
  parts: string[];
  /** Only rows on this side (two-sided tables). */
  side?: 'income' | 'expenditure';
}

/** Built-in column identities by table kind. */
export const COLUMN_IDENTITIES: Partial<Record<TableKind, ColumnIdentity[]>> = {
  // business_tuition (其中：教育收费) is part of business and is not added again.
  income: [
    {
      name: 'total',
      total: 'total',
      parts: ['fiscal', 'superior_subsidy', 'business', 'operating', 'affiliated', 'other'],
    },
  ],
  expenditure: [
    { name: 'total', total: 'total', parts: ['basic', 'project', 'remit_superior', 'operating', 'affiliated_subsidy'] },
  ],
  general_budget: [{ name: 'total', total: 'total', parts: ['basic', 'project'] }],
  gov_fund: [
    { name: 'total', total: 'total', parts: ['basic', 'project'] },
    { name: 'carryover', total: 'carryover_end', parts: ['carryover_begin', 'income', '-total'] },
  ],
  state_capital: [
    { name: 'total', total: 'total', parts: ['basic', 'project'] },
    { name: 'carryover', total: 'carryover_end', parts: ['carryover_begin', 'income', '-total'] },
  ],
  appropriation_summary: [
    { name: 'total', total: 'total', parts: ['general_budget', 'gov_fund', 'state_capital'], side: 'expenditure' },
  ],
  three_public: [
    { name: 'budget', total: 'budget_total', parts: ['budget_overseas', 'budget_vehicle_total', 'budget_reception'] },
    {
      name: 'budget-vehicle',
      total: 'budget_vehicle_total',
      parts: ['budget_vehicle_purchase', 'budget_vehicle_operation'],
    },
    { name: 'final', total: 'final_total', parts: ['final_overseas', 'final_vehicle_total', 'final_reception'] },
    {
      name: 'final-vehicle',
      total: 'final_vehicle_total',
      parts: ['final_vehicle_purchase', 'final_vehicle_operation'],
    },
  ],
};

/** Tables keyed by functional code (类/款/项) with a 合计 row. */
export const CODED_KINDS: readonly TableKind[] = [
  'income',
  'expenditure',
  'general_budget',
  'gov_fund',
  'state_capital',
];

/** Rows of a coded table that total it. */
export const TOTAL_ROW_RE = /^(合计|总计)$/;

/** Two-sided summary tables (收入支出决算总表, 财政拨款收入支出决算总表): row names by role. */
export const SUMMARY_ROWS = {
  incomeTotal: /^本年收入合计$|^收入合计$/,
  expenditureTotal: /^本年支出合计$|^支出合计$/,
  /** The grand total after the 本年 total and the carry-over lines (printed 总计, 收入总计, 支出总计, or 合计). */
  grandTotal: /^(收入|支出)?总计$|^合计$/,
  /** Lines printed under 年初财政拨款结转和结余 that split it by fund; not added to the grand total. */
  fundBreakdown: /^(一般公共预算|政府性基金预算|国有资本经营(预算)?)财政拨款(收入)?$/,
  carryParent: /结转/,
};

/** Income lines of 收入支出决算总表 and the 收入决算表 column each equals (fiscal = the three funds). */
export const SUMMARY_INCOME_LINES: {
  name: RegExp;
  fund?: 'general_budget' | 'gov_fund' | 'state_capital';
  column: string;
}[] = [
  { name: /^一般公共预算财政拨款(收入)?$/, fund: 'general_budget', column: 'fiscal' },
  { name: /^政府性基金预算财政拨款(收入)?$/, fund: 'gov_fund', column: 'fiscal' },
  { name: /^国有资本经营(预算)?财政拨款(收入)?$/, fund: 'state_capital', column: 'fiscal' },
  { name: /^上级补助收入$/, column: 'superior_subsidy' },
  { name: /^事业收入$/, column: 'business' },
  { name: /^经营收入$/, column: 'operating' },
  { name: /^附属单位上缴收入$/, column: 'affiliated' },
  { name: /^其他收入$/, column: 'other' },
];

/** 基本支出决算表: economic 类 that make up 人员经费; every other 类 is 公用经费. */
export const PERSONNEL_CLASSES: readonly string[] = ['301', '303'];
/** Footer rows of the 基本支出 table, by printed name. */
export const BASIC_FOOTERS = {
  personnel: /^人员经费(合计)?$/,
  publicUse: /^(日常)?公用经费(合计)?$/,
  total: /^(合计|总计)$/,
};

/** Totals of 部门决算公开相关信息统计表 and the rows that make them up (matched by name). */
export const OTHER_INFO_SUMS: { name: string; total: RegExp; parts: RegExp }[] = [
  { name: 'procurement', total: /^(政府采购)?合计$/, parts: /^(货物|工程|服务)$/ },
  { name: 'vehicles', total: /^车辆数?合计/, parts: /用车$/ },
];

/**
 * Column identities with a profile's `row_sum` identities added (a profile can define new ones or new kinds;
 * ones equal to a built-in identity are not run twice).
 */
export function withProfileIdentities(
  identities: readonly Identity[] = [],
  base: Partial<Record<TableKind, ColumnIdentity[]>> = COLUMN_IDENTITIES,
): Partial<Record<TableKind, ColumnIdentity[]>> {
  const merged: Partial<Record<TableKind, ColumnIdentity[]>> = { ...base };
  const key = (c: ColumnIdentity) => `${c.side ?? ''}|${c.total}=${[...c.parts].sort().join('+')}`;
  for (const i of identities) {
    if (i.type !== 'row_sum') continue;
    const candidate: ColumnIdentity = {
      name: i.id,
      total: i.total,
      parts: i.parts,
      ...(i.side ? { side: i.side } : {}),
    };
    const existing = merged[i.kind] ?? [];
    if (!existing.some((c) => key(c) === key(candidate))) merged[i.kind] = [...existing, candidate];
  }
  return merged;
}
