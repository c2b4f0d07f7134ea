/** The 部门预算 twin: the same tables printed with 预算数, reusing the 决算 profile's structure. */
import { FINAL_ACCOUNTS_IDENTITIES, financeTables, PERFORMANCE_SPEC, threePublicColumns } from './final-accounts.ts';
import type { ProfileInput } from './schema.ts';

/**
 * The standard 部门预算公开 titles (部门收支总表, 部门收入总表 …, bg: the MOF template used since 2017) and the
 * 预算 variants of the 决算 titles; 三公 printed with 预算数 only.
 */
const BUDGET_TITLES: Partial<Record<string, string[]>> = {
  summary: ['财务收支预算总表', '部门收支总表', '收支总表'],
  income: ['部门收入总表', '收入总表'],
  expenditure: ['部门支出总表', '支出总表'],
  appropriation_summary: ['财政拨款收支总表'],
  general_budget: ['一般公共预算支出功能分类预算表', '一般公共预算支出表'],
  general_budget_basic: ['一般公共预算基本支出表'],
  gov_fund: ['政府性基金预算支出表'],
  state_capital: ['国有资本经营预算支出表'],
};

function budgetTables(): ReturnType<typeof financeTables> {
  return financeTables('预算').map((t) => {
    const titles = [...t.titles, ...(BUDGET_TITLES[t.kind] ?? [])];
    if (t.kind === 'three_public') {
      return {
        ...t,
        titles,
        columns: [...threePublicColumns({ budget: '' }), { key: 'admin_operating', labels: ['机关运行经费'] }],
      };
    }
    return { ...t, titles };
  });
}

/** Identities that hold in budgets too (no 决算-only rows such as 结余分配). */
const BUDGET_IDENTITIES = FINAL_ACCOUNTS_IDENTITIES.filter(
  (i) => !i.id.startsWith('summary.') && !i.id.startsWith('three_public.final') && i.id !== 'cross.summary_income',
);

export const BUDGET_PROFILE: ProfileInput = {
  id: 'cn-budget',
  name: '部门预算公开',
  reportType: '预算',
  detect: ['预算表', '预算总表', '部门预算', '单位预算'],
  tables: budgetTables(),
  performance: PERFORMANCE_SPEC,
  identities: BUDGET_IDENTITIES,
};
