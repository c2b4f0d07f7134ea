/** The 部门决算公开 (department final accounts) profile: table kinds, printed variants and identities. */
import type { Identity, RowRef } from './identities.ts';
import type { ColumnSpec, PerformanceSpec, ProfileInput, TableSpec } from './schema.ts';

type ColumnIn = Omit<ColumnSpec, 'type'> & { type?: ColumnSpec['type'] };
type TableIn = Omit<TableSpec, 'exclude' | 'header' | 'twoSided' | 'leiByName' | 'columns' | 'rowUnits' | 'rowGroups'> &
  Partial<Pick<TableSpec, 'exclude' | 'header' | 'twoSided' | 'leiByName' | 'rowUnits' | 'rowGroups'>> & {
    columns: ColumnIn[];
  };

const THREE_PUBLIC_ITEMS: [string, string[]][] = [
  ['total', ['合计']],
  ['overseas', ['因公出国']],
  ['vehicle_total', ['公务用车购置及运行&小计', '公务用车购置及运行']],
  ['vehicle_purchase', ['公务用车购置费', '车辆购置', '公务用车购置及运行&购置费']],
  ['vehicle_operation', ['公务用车运行', '公务用车购置及运行&运行费']],
  ['reception', ['公务接待']],
];

/** 三公 columns: each item under 预算数 (`budget_*`) and 决算数 (`final_*`); `phases` maps key prefix → printed word. */
export function threePublicColumns(phases: Record<string, string>): ColumnIn[] {
  return Object.entries(phases).flatMap(([prefix, word]) =>
    THREE_PUBLIC_ITEMS.map(([item, labels]) => ({
      key: `${prefix}_${item}`,
      labels: labels.map((l) => (word ? `${word}&${l}` : l)),
    })),
  );
}

const money = (key: string, ...labels: string[]): ColumnIn => ({ key, labels });

export const PERFORMANCE_SPEC: PerformanceSpec = {
  projectLabels: ['项目名称', '项目支出名称'],
  fields: {
    主管部门: ['主管部门及代码', '主管部门'],
    实施单位: ['实施单位'],
    预算单位: ['预算单位'],
    项目负责人: ['项目负责人'],
  },
  fundsColumns: [
    { key: 'initial_budget_declared', labels: ['目标申报数'], type: 'money' },
    { key: 'initial_budget', labels: ['年初预算数', '预算编制数'], type: 'money' },
    { key: 'full_year_budget', labels: ['全年预算数'], type: 'money' },
    { key: 'executed', labels: ['全年执行数'], type: 'money' },
    { key: 'balance', labels: ['资金结转余', '结转余', '结余'], type: 'money' },
    { key: 'weight', labels: ['分值'], type: 'score' },
    { key: 'execution_rate', labels: ['执行率'], type: 'ratio' },
    { key: 'score', labels: ['得分', '自评得分'], type: 'score' },
  ],
  fundsRows: {
    年度资金总额: ['年度资金总额', '资金总额'],
    财政拨款: ['财政拨款'],
    当年财政拨款: ['当年财政拨款'],
    上年结转资金: ['上年结转资金', '上年结转'],
    其他资金: ['其他资金'],
    政府预算资金: ['政府预算资金'],
    财政专户管理资金: ['财政专户管理资金'],
    单位资金: ['单位资金'],
  },
  goalLabels: ['年度总体目标', '年度绩效目标', '项目年度绩效目标'],
  goalPlanned: ['预期目标', '年度目标'],
  goalActual: ['实际完成情况'],
  indicatorColumns: [
    { key: 'level1', labels: ['一级指标'], type: 'text' },
    { key: 'level2', labels: ['二级指标'], type: 'text' },
    { key: 'level3', labels: ['三级指标'], type: 'text' },
    { key: 'target', labels: ['年度指标值', '年度目标值', '年初指标值', '指标值'], type: 'text' },
    { key: 'target_adjusted', labels: ['调整后指标值'], type: 'text' },
    { key: 'actual', labels: ['实际完成值', '实际完成情况'], type: 'text' },
    { key: 'weight', labels: ['分值'], type: 'score' },
    { key: 'score', labels: ['得分', '自评得分'], type: 'score' },
    { key: 'deviation', labels: ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因'], type: 'text' },
    { key: 'explanation', labels: ['指标解释'], type: 'text' },
    { key: 'criteria', labels: ['指标说明'], type: 'text' },
  ],
  totalLabels: ['总分', '合计'],
  placeholders: ['^指标\\d*[:：]?$', '^[.…。·]+$', '^…+$'],
};

/** Table kinds of the 决算 family; `word` is 决算 here and 预算 in the budget twin. */
export function financeTables(word: string): TableIn[] {
  const amountWord = `${word}数`;
  return [
    {
      kind: 'summary',
      titles: [`收入支出${word}总表`, `收支${word}总表`],
      header: ['收入', '支出', '行次'],
      rowKey: 'name',
      twoSided: true,
      leiByName: true,
      columns: [
        { key: 'amount', labels: [amountWord, '金额'], side: 'income' },
        { key: 'amount', labels: [amountWord, '金额', '合计'], side: 'expenditure' },
        { key: 'basic', labels: ['基本支出'], side: 'expenditure' },
        { key: 'personnel', labels: ['人员经费'], side: 'expenditure' },
        { key: 'public', labels: ['公用经费'], side: 'expenditure' },
        { key: 'project', labels: ['项目支出'], side: 'expenditure' },
      ],
    },
    {
      kind: 'appropriation_summary',
      titles: [`财政拨款收入支出${word}总表`, `财政拨款收支${word}总表`],
      header: ['收入', '支出', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
      rowKey: 'name',
      twoSided: true,
      leiByName: true,
      columns: [
        { key: 'amount', labels: [amountWord, '金额', '小计'], side: 'income' },
        { key: 'total', labels: ['合计', '小计', amountWord], side: 'expenditure' },
        { key: 'general_budget', labels: ['一般公共预算'], side: 'expenditure' },
        { key: 'gov_fund', labels: ['政府性基金'], side: 'expenditure' },
        { key: 'state_capital', labels: ['国有资本经营'], side: 'expenditure' },
      ],
    },
    {
      kind: 'income',
      titles: [`收入${word}表`, `收入${word}总表`],
      exclude: ['项目收入支出', '收入支出'],
      header: ['本年收入合计', '财政拨款收入'],
      rowKey: 'exp_func',
      columns: [
        money('total', '本年收入合计', '收入合计', '合计'),
        money('fiscal', '财政拨款收入', '财政拨款'),
        money('superior_subsidy', '上级补助收入'),
        money('business', '事业收入', '事业收入&小计'),
        money('business_tuition', '事业收入&教育收费', '教育收费'),
        money('operating', '经营收入'),
        money('affiliated', '附属单位上缴收入'),
        money('other', '其他收入'),
      ],
    },
    {
      kind: 'expenditure',
      titles: [`支出${word}表`, `支出${word}总表`],
      exclude: ['项目收入支出', '项目支出', '财政拨款', '三公'],
      header: ['本年支出合计', '上缴上级支出'],
      rowKey: 'exp_func',
      columns: [
        money('total', '本年支出合计', '支出合计', '合计'),
        money('basic', '基本支出'),
        money('project', '项目支出'),
        money('remit_superior', '上缴上级支出'),
        money('operating', '经营支出'),
        money('affiliated_subsidy', '对附属单位补助支出'),
      ],
    },
    {
      kind: 'general_budget',
      titles: [`一般公共预算财政拨款支出${word}表`, `一般公共预算支出${word}表`, `一般公共预算支出功能分类${word}表`],
      rowKey: 'exp_func',
      columns: [
        money('total', '合计', '小计', '本年支出合计', '本年支出', amountWord),
        money('basic', '基本支出'),
        money('project', '项目支出'),
      ],
    },
    {
      kind: 'general_budget_basic',
      titles: [
        `一般公共预算财政拨款基本支出${word}表`,
        `一般公共预算财政拨款基本支出${word}明细表`,
        `一般公共预算财政拨款支出${word}明细表`,
        `一般公共预算基本支出${word}表`,
        `基本支出${word}明细表`,
        `基本支出部门预算经济分类${word}表`,
      ],
      exclude: ['项目支出'],
      header: ['经济分类科目编码'],
      rowKey: 'dep_bgt_eco',
      columns: [
        money('amount', amountWord, '金额', '合计'),
        money('basic', '基本支出'),
        money('personnel', '人员经费'),
        money('public', '公用经费'),
      ],
      rowGroups: [
        { path: '人员经费', classes: ['301', '303'] },
        { path: '公用经费', classes: [] },
      ],
    },
    {
      kind: 'gov_fund',
      titles: [`政府性基金预算财政拨款收入支出${word}表`, `政府性基金预算财政拨款支出${word}表`, `政府性基金预算支出`],
      header: ['年初结转和结余', '本年收入', '年末结转和结余'],
      rowKey: 'exp_func',
      columns: [
        money('carryover_begin', '年初结转和结余', '年初结转'),
        money('income', '本年收入'),
        money('total', '本年支出&小计', '本年支出&合计', '本年支出合计', '合计', '小计', amountWord),
        money('basic', '基本支出'),
        money('project', '项目支出'),
        money('carryover_end', '年末结转和结余', '年末结转'),
      ],
    },
    {
      kind: 'state_capital',
      titles: [
        `国有资本经营预算财政拨款支出${word}表`,
        `国有资本经营预算财政拨款收入支出${word}表`,
        '国有资本经营预算支出',
      ],
      rowKey: 'exp_func',
      columns: [
        money('carryover_begin', '年初结转和结余', '年初结转'),
        money('income', '本年收入'),
        money('total', '本年支出&小计', '本年支出&合计', '本年支出合计', '合计', '小计', '本年支出', amountWord),
        money('basic', '基本支出'),
        money('project', '项目支出'),
        money('carryover_end', '年末结转和结余', '年末结转'),
      ],
    },
    {
      kind: 'three_public',
      titles: ['三公', '三公经费和机关运行经费'],
      header: ['因公出国', '公务接待'],
      rowKey: 'name',
      columns: [...threePublicColumns({ budget: '预算数', final: '决算数' }), money('admin_operating', '机关运行经费')],
    },
    {
      kind: 'other_info',
      titles: [`部门${word}公开相关信息统计表`, '相关信息统计表', '机构运行经费', '机关运行经费', '政府采购'],
      rowKey: 'name',
      columns: [money('amount', '金额', '统计数', '采购金额', amountWord, '数量')],
      rowUnits: [
        { match: '设备', unit: '台(套)' },
        { match: '车', unit: '辆' },
      ],
    },
    {
      kind: 'performance',
      titles: ['绩效自评表', '自评表', '自我评价评分表', '自评价评分表', '评分附件表', '年度预算安排及使用情况统计表'],
      exclude: ['指标体系评分表'],
      header: ['一级指标', '三级指标'],
      rowKey: 'name',
      columns: [],
    },
  ];
}

const INCOME_ITEMS = [
  '一般公共预算财政拨款收入',
  '政府性基金预算财政拨款收入',
  '国有资本经营预算财政拨款收入',
  '上级补助收入',
  '事业收入',
  '经营收入',
  '附属单位上缴收入',
  '其他收入',
];
const inc = (...names: string[]): RowRef => ({ side: 'income', names });
const exp = (...names: string[]): RowRef => ({ side: 'expenditure', names });
const FUNC_KINDS = ['income', 'expenditure', 'general_budget', 'gov_fund', 'state_capital'] as const;

/** Identities of the 部门决算 tables (domain notes §3.4); validation evaluates them. */
export const FINAL_ACCOUNTS_IDENTITIES: Identity[] = [
  {
    type: 'column_sum',
    id: 'summary.income_total',
    description: '本年收入合计 = Σ 收入 items 1–8',
    kind: 'summary',
    column: 'amount',
    total: inc('本年收入合计'),
    parts: INCOME_ITEMS.map((n) => inc(n)),
  },
  {
    type: 'column_sum',
    id: 'summary.income_grand_total',
    description: '收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余',
    kind: 'summary',
    column: 'amount',
    total: inc('收入总计', '总计'),
    parts: [inc('本年收入合计'), inc('使用非财政拨款结余'), inc('年初结转和结余')],
  },
  {
    type: 'column_sum',
    id: 'summary.expenditure_total',
    description: '本年支出合计 = Σ 26 类',
    kind: 'summary',
    column: 'amount',
    total: exp('本年支出合计'),
    parts: [{ side: 'expenditure', level: '类' }],
  },
  {
    type: 'column_sum',
    id: 'summary.expenditure_grand_total',
    description: '支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余',
    kind: 'summary',
    column: 'amount',
    total: exp('支出总计', '总计'),
    parts: [exp('本年支出合计'), exp('结余分配'), exp('年末结转和结余', '年末结转与结余')],
  },
  {
    type: 'column_sum',
    id: 'summary.balanced',
    description: '收入总计 = 支出总计',
    kind: 'summary',
    column: 'amount',
    total: inc('收入总计', '总计'),
    parts: [exp('支出总计', '总计')],
  },
  ...FUNC_KINDS.map(
    (kind): Identity => ({
      type: 'hierarchy',
      id: `${kind}.hierarchy`,
      description: '类 = Σ款, 款 = Σ项 (when the children are printed)',
      kind,
      columns: ['total', 'basic', 'project', 'fiscal', 'income', 'carryover_begin', 'carryover_end'],
    }),
  ),
  {
    type: 'row_sum',
    id: 'income.columns',
    description: '本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入',
    kind: 'income',
    total: 'total',
    parts: ['fiscal', 'superior_subsidy', 'business', 'operating', 'affiliated', 'other'],
  },
  {
    type: 'row_sum',
    id: 'expenditure.columns',
    description: '本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出',
    kind: 'expenditure',
    total: 'total',
    parts: ['basic', 'project', 'remit_superior', 'operating', 'affiliated_subsidy'],
  },
  {
    type: 'row_sum',
    id: 'appropriation_summary.columns',
    description: '支出 合计 = 一般公共预算 + 政府性基金 + 国有资本经营',
    kind: 'appropriation_summary',
    side: 'expenditure',
    total: 'total',
    parts: ['general_budget', 'gov_fund', 'state_capital'],
  },
  {
    type: 'column_sum',
    id: 'appropriation_summary.expenditure_total',
    description: '本年支出合计 = Σ 26 类',
    kind: 'appropriation_summary',
    column: 'total',
    total: exp('本年支出合计'),
    parts: [{ side: 'expenditure', level: '类' }],
  },
  {
    type: 'cross_table',
    id: 'appropriation_summary.balanced',
    description: '财政拨款 收入总计 = 支出总计',
    left: { kind: 'appropriation_summary', row: inc('总计', '收入总计'), column: 'amount' },
    right: [{ kind: 'appropriation_summary', row: exp('总计', '支出总计'), column: 'total' }],
  },
  ...(['general_budget', 'gov_fund', 'state_capital'] as const).map(
    (kind): Identity => ({
      type: 'row_sum',
      id: `${kind}.columns`,
      description: '本年支出 小计 = 基本支出 + 项目支出',
      kind,
      total: 'total',
      parts: ['basic', 'project'],
    }),
  ),
  ...(['budget', 'final'] as const).flatMap((p): Identity[] => [
    {
      type: 'row_sum',
      id: `three_public.${p}_total`,
      description: '合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费',
      kind: 'three_public',
      total: `${p}_total`,
      parts: [`${p}_overseas`, `${p}_vehicle_total`, `${p}_reception`],
    },
    {
      type: 'row_sum',
      id: `three_public.${p}_vehicle`,
      description: '公务用车 小计 = 购置费 + 运行维护费',
      kind: 'three_public',
      total: `${p}_vehicle_total`,
      parts: [`${p}_vehicle_purchase`, `${p}_vehicle_operation`],
    },
  ]),
  {
    type: 'column_sum',
    id: 'general_budget_basic.personnel',
    description: '人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助',
    kind: 'general_budget_basic',
    column: 'amount',
    total: { names: ['人员经费合计'] },
    parts: [{ code: '301' }, { code: '303' }],
  },
  {
    type: 'column_sum',
    id: 'general_budget_basic.public',
    description: '公用经费合计 = Σ 其他经济分类类 (302, 307, 309, 310, 311, 312, 313, 399)',
    kind: 'general_budget_basic',
    column: 'amount',
    total: { names: ['公用经费合计'] },
    parts: ['302', '307', '309', '310', '311', '312', '313', '399'].map((code) => ({ code })),
  },
  {
    type: 'cross_table',
    id: 'cross.summary_income',
    description: '收入支出决算总表 本年收入合计 = 收入决算表 合计',
    left: { kind: 'summary', row: inc('本年收入合计'), column: 'amount' },
    right: [{ kind: 'income', row: { names: ['合计'] }, column: 'total' }],
  },
  {
    type: 'cross_table',
    id: 'cross.summary_expenditure',
    description: '收入支出决算总表 本年支出合计 = 支出决算表 合计',
    left: { kind: 'summary', row: exp('本年支出合计'), column: 'amount' },
    right: [{ kind: 'expenditure', row: { names: ['合计'] }, column: 'total' }],
  },
  {
    type: 'cross_table',
    id: 'cross.general_budget',
    description: '一般公共预算财政拨款支出 合计 = 财政拨款收支总表 本年支出合计（一般公共预算）',
    left: { kind: 'general_budget', row: { names: ['合计'] }, column: 'total' },
    right: [{ kind: 'appropriation_summary', row: exp('本年支出合计'), column: 'general_budget' }],
  },
  {
    type: 'cross_table',
    id: 'cross.basic',
    description: '人员经费合计 + 公用经费合计 = 一般公共预算财政拨款 基本支出 合计',
    left: { kind: 'general_budget', row: { names: ['合计'] }, column: 'basic' },
    right: [
      { kind: 'general_budget_basic', row: { names: ['人员经费合计'] }, column: 'amount' },
      { kind: 'general_budget_basic', row: { names: ['公用经费合计'] }, column: 'amount' },
    ],
  },
  {
    type: 'cross_table',
    id: 'cross.gov_fund',
    description: '政府性基金 本年支出 合计 = 财政拨款收支总表 本年支出合计（政府性基金）',
    left: { kind: 'gov_fund', row: { names: ['合计'] }, column: 'total' },
    right: [{ kind: 'appropriation_summary', row: exp('本年支出合计'), column: 'gov_fund' }],
  },
];

/** The 部门决算 profile as plain data (parsed by ProfileSchema when registered). */
export const FINAL_ACCOUNTS_PROFILE: ProfileInput = {
  id: 'cn-final-accounts',
  name: '部门决算公开',
  reportType: '决算',
  detect: ['决算'],
  tables: financeTables('决算'),
  performance: PERFORMANCE_SPEC,
  identities: FINAL_ACCOUNTS_IDENTITIES,
};
