/**
 * Printed header labels of the 部门决算公开 tables and 项目支出绩效自评表 forms. Header text arrives wrapped
 * and doubled (`上级补上级补` / `助收入助收入`), so it is de-duplicated, joined and cut back into labels by
 * longest match against this list; text between known labels is kept as a label of its own.
 */

/** Column labels printed in table headers (normalized: no whitespace, full-width punctuation as printed). */
export const HEADER_LABELS: readonly string[] = [
  '项目',
  '行次',
  '栏次',
  '科目编码',
  '功能分类科目编码',
  '经济分类科目编码',
  '功能分类',
  '经济分类',
  '科目名称',
  '收入',
  '支出',
  '决算数',
  '预算数',
  '金额',
  '合计',
  '小计',
  '本年收入合计',
  '本年支出合计',
  '财政拨款收入',
  '上级补助收入',
  '事业收入',
  '经营收入',
  '附属单位上缴收入',
  '其他收入',
  '其中：教育收费',
  '教育收费',
  '基本支出',
  '项目支出',
  '上缴上级支出',
  '经营支出',
  '对附属单位补助支出',
  '一般公共预算财政拨款',
  '政府性基金预算财政拨款',
  '国有资本经营预算财政拨款',
  '本年支出',
  '本年收入',
  '年初结转和结余',
  '年末结转和结余',
  '其中：基本支出',
  '人员经费',
  '公用经费',
  '因公出国（境）费',
  '公务用车购置及运行维护费',
  '公务用车购置及运行费',
  '公务用车购置费',
  '公务用车运行维护费',
  '公务用车运行费',
  '公务接待费',
  '采购金额',
  '统计数',
];

/** Labels that name the stub (row-key) columns rather than value columns. */
export const STUB_LABELS: ReadonlySet<string> = new Set([
  '项目',
  '行次',
  '栏次',
  '科目编码',
  '功能分类科目编码',
  '经济分类科目编码',
  '功能分类',
  '经济分类',
  '科目名称',
]);

/** Group labels printed above the two sides of a summary table. */
export const SIDE_LABELS: ReadonlySet<string> = new Set(['收入', '支出']);

/** Labels printed above repeated blocks (06表) rather than above one column. */
export const BLOCK_LABELS: ReadonlySet<string> = new Set(['人员经费', '公用经费']);

/** Group labels whose children are a known set, printed on the next header row. */
export const GROUP_CHILDREN: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['本年支出', new Set(['小计', '合计', '基本支出', '项目支出'])],
  ['公务用车购置及运行维护费', new Set(['小计', '公务用车购置费', '公务用车运行维护费'])],
  ['公务用车购置及运行费', new Set(['小计', '公务用车购置费', '公务用车运行费'])],
  ['事业收入', new Set(['小计', '其中：教育收费', '教育收费'])],
  ['年初预算数', new Set(['目标申报数', '预算编制数'])],
]);

/** Labels of the funds block of a 项目支出绩效自评表. */
export const PERFORMANCE_FUND_LABELS: readonly string[] = [
  '年初预算数',
  '目标申报数',
  '预算编制数',
  '全年预算数',
  '全年执行数',
  '资金结(转)余',
  '资金结（转）余',
  '执行率',
  '分值',
  '得分',
];

/** Labels of the indicator block of a 项目支出绩效自评表. */
export const PERFORMANCE_INDICATOR_LABELS: readonly string[] = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年初指标值',
  '调整后指标值',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
];

/** 一级指标 names of performance forms. */
export const LEVEL1_INDICATORS: readonly string[] = ['产出指标', '效益指标', '满意度指标', '成本指标'];

/** 二级指标 names of performance forms. */
export const LEVEL2_INDICATORS: readonly string[] = [
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
];

/** Row labels of the analysis block printed under a performance form. */
export const PERFORMANCE_ANALYSIS_LABELS: readonly string[] = [
  '项目实施和预算执行情况及分析',
  '产出情况及分析',
  '效益情况及分析',
  '满意度情况及分析',
  '主要经验做法',
  '项目管理中存在的主要问题及原因分析',
  '下一步改进措施及管理建议',
];

/** Cut `text` into labels by longest match against `lexicon`; unmatched stretches become labels of their own. */
export function segmentLabels(text: string, lexicon: readonly string[]): string[] {
  const chars = Array.from(text.replace(/\s+/g, ''));
  const sorted = [...lexicon].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  let unknown = '';
  for (let i = 0; i < chars.length; ) {
    const rest = chars.slice(i).join('');
    const hit = sorted.find((label) => rest.startsWith(label));
    if (hit) {
      if (unknown) out.push(unknown);
      unknown = '';
      out.push(hit);
      i += Array.from(hit).length;
    } else {
      unknown += chars[i];
      i += 1;
    }
  }
  if (unknown) out.push(unknown);
  return out;
}
