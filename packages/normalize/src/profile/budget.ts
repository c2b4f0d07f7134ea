/** The 部门预算 twin: the same tables printed with 预算数, reusing the 决算 profile's structure. */
import { FINAL_ACCOUNTS_IDENTITIES, financeTables, PERFORMANCE_SPEC, threePublicColumns } from './final-accounts.ts';
import type { ProfileInput } from './schema.ts';

/** Budget tables: 预算 titles (收支预算总表, 收入预算总表 …), and 三公 printed with 预算数 only. */
function budgetTables(): ReturnType<typeof financeTables> {
  return financeTables('预算').map((t) => {
    if (t.kind === 'three_public') {
      return {
        ...t,
        columns: [...threePublicColumns({ budget: '' }), { key: 'admin_operating', labels: ['机关运行经费'] }],
      };
    }
    if (t.kind === 'summary') return { ...t, titles: [...t.titles, '财务收支预算总表'] };
    if (t.kind === 'general_budget') return { ...t, titles: [...t.titles, '一般公共预算支出功能分类预算表'] };
    return t;
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
