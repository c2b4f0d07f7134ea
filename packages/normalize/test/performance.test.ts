/**
 * Performance forms built from rows the seeds print. Expected values read from the seed text: money in 万元
 * × 10000, 执行率 as a fraction, weights/scores in 分; sums checked by arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { type Fact, normalizeDocument, parseTarget } from '../src/index.ts';
import { docOf, tableOf } from './builders.ts';

const rows = (block: string) =>
  block
    .replace(/^\n+|\n+$/g, '')
    .split('\n')
    .map((l) => l.split('|').map((c) => c.trim()));
const one = (facts: Fact[], f: Partial<Fact>) => {
  const hits = facts.filter((x) => Object.entries(f).every(([k, v]) => x[k as keyof Fact] === v));
  expect(hits, JSON.stringify(f)).toHaveLength(1);
  return hits[0] as Fact;
};

describe('项目支出绩效自评表 (seed 003, lines 75–91)', () => {
  const t = tableOf(
    rows(`
项目支出名称 |  | 医疗保险基金补助（离休人员、照顾人员门诊、住院补助） |  |  |  |  |  |  | 
主管部门 |  |  |  |  | 实施单位 | 益阳市医疗保障事务中心 |  |  | 
项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 自评得分 |  | 
 | 年度资金总额 | 1500 | 1500 | 828 | 10 | 55.20% | 5.52 |  | 
 | 其中：当年财政拨款 | 400 |  |  |  |  |  |  | 
 | 上年结转资金 | 780 |  |  |  |  |  |  | 
 | 其他资金 |  |  |  |  |  |  |  | 
年度总体目标 | 预期目标 |  |  | 实际完成情况 |  |  |  |  | 
 | 年初门诊、住院补助预算1500万元。 |  |  | 2023年离休人员支出650万元，厅级干部支出178万元。 | 
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 自评得分 | 偏差原因分析及改进措施 | 
 | 产出指标（50分） | 数量指标 | 财政实际补助执行比率% | 100% | 26.70% | 10 | 10 | 年初预算宽松，上年预算拨款有结余。 | 
 |  | 成本指标 | 离休人员、厅级干部补助执行比率% | 100% | 55.20% | 10 | 10 |  | 
 | 效益指标（40分） | 经济效益指标 | 医保政策知晓比率% | >80% | 100% | 20 | 20 |  | 
满意度指标（10分） | 服务对象满意度指标 | 参保对象满意度% | 85% | 100% | 10 | 10 |  |  | 
总分 |  |  |  |  | 100 | 95.52 |  |  | 
`),
    { title: '2023年度项目支出绩效自评表', headerRows: 0, firstLine: 75, layout: { kind: 'key-value' } },
  );
  const doc = normalizeDocument(
    docOf([t], ['益阳市医疗保障事务中心', '2023 年度离休人员、厅级干部医保补助资金 绩效自评报告']),
  );
  const facts = doc.facts.filter((f) => f.value_status === 'number' || f.value_status === 'text');

  it('names the project and the header fields', () => {
    expect(doc.tables[0]).toMatchObject({
      kind: 'performance',
      project: '医疗保险基金补助（离休人员、照顾人员门诊、住院补助）',
    });
    expect(one(facts, { row_name: '实施单位', column_key: 'text' }).value).toBe('益阳市医疗保障事务中心');
    expect(facts.filter((f) => f.row_name === '主管部门')).toHaveLength(0);
  });

  it('reads the funds block in 元, 执行率 as a fraction', () => {
    expect(one(facts, { row_name: '年度资金总额', column_key: 'initial_budget' }).value).toBe('15000000');
    expect(one(facts, { row_name: '年度资金总额', column_key: 'executed' }).value).toBe('8280000');
    const rate = one(facts, { row_name: '年度资金总额', column_key: 'execution_rate' });
    expect(rate).toMatchObject({ value: '0.552', unit: 'ratio', value_printed: '55.20%' });
    // 828 / 1500 = 0.552: the printed rate agrees with the printed amounts.
    expect(828 / 1500).toBeCloseTo(Number(rate.value), 10);
    expect(one(facts, { row_name: '年度资金总额', column_key: 'score' })).toMatchObject({ value: '5.52', unit: '分' });
    expect(one(facts, { row_name: '当年财政拨款', column_key: 'initial_budget' }).value).toBe('4000000');
    expect(one(facts, { row_name: '上年结转资金', column_key: 'initial_budget' }).value).toBe('7800000');
  });

  it('reads the goal, and indicator rows with their path (row 4 is printed one cell left)', () => {
    expect(one(facts, { column_key: 'goal_planned' }).value).toBe('年初门诊、住院补助预算1500万元。');
    expect(one(facts, { column_key: 'goal_actual' }).row_name).toBe('年度总体目标');
    const first = one(facts, { row_name: '财政实际补助执行比率%', column_key: 'target' });
    expect(first).toMatchObject({ row_path: '产出指标 / 数量指标', value: '100%' });
    expect(one(facts, { row_name: '离休人员、厅级干部补助执行比率%', column_key: 'weight' }).row_path).toBe(
      '产出指标 / 成本指标',
    );
    const shifted = one(facts, { row_name: '参保对象满意度%', column_key: 'actual' });
    expect(shifted).toMatchObject({ row_path: '满意度指标 / 服务对象满意度指标', value: '100%' });
    expect(one(facts, { row_name: '参保对象满意度%', column_key: 'score' }).value).toBe('10');
    expect(one(facts, { row_name: '财政实际补助执行比率%', column_key: 'deviation' }).value).toBe(
      '年初预算宽松，上年预算拨款有结余。',
    );
  });

  it('reads 总分 and the indicator weights add up with the funds weight to it', () => {
    expect(one(facts, { row_name: '总分', column_key: 'weight' }).value).toBe('100');
    expect(one(facts, { row_name: '总分', column_key: 'score' }).value).toBe('95.52');
    const weights = facts.filter((f) => f.row_path !== '' && f.column_key === 'weight').map((f) => Number(f.value));
    const funds = Number(one(facts, { row_name: '年度资金总额', column_key: 'weight' }).value);
    // Printed: indicators 10 + 10 + 20 + 10 here, plus 时效 30 and 社会 10 (lines 86, 89, left out of this excerpt).
    expect(weights.reduce((a, b) => a + b, 0) + 30 + 10 + funds).toBe(100);
  });

  it('keeps every target with its parse in tables.json', () => {
    const targets = doc.tables[0]?.targets ?? [];
    expect(targets.find((x) => x.name === '医保政策知晓比率%' && x.column === 'target')).toMatchObject({
      raw: '>80%',
      op: '>',
      value: '80',
      unit: '%',
    });
  });
});

describe('000-style reports: funds table and score table under a 项目名称 line (lines 551–659)', () => {
  const text = Array.from({ length: 660 }, () => '');
  text[552] = '项目名称：城乡医疗救助';
  const funds = tableOf(
    rows(`
 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率
年度资金总额： | 15.00 | 15.00 | 0.00 | 0.0%
政府预算资金 | 15.00 | 15.00 | 0.00 | 0.0%
`),
    {
      id: 't10',
      title: '表 1-2-1 年度预算安排及使用情况统计表',
      caption: ['单位：万元'],
      headerRows: 1,
      firstLine: 573,
    },
  );
  const score = tableOf(
    rows(`
一级指标 | 二级指标 | 三级指标 | 年度目标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析
成本指标 | 经济成本指标 | 城乡医疗救助总成本 | ≤800000元 | 0元 | 10 | 10 | 
产出指标 | 数量指标 | 城乡医疗救助人次 | >600人次 | 947人次 | 10 | 8.41 | 年初设置目标过低。
 | 质量指标 | 救助资金拨付的准确性 | 准确 | 100% | 10 | 10 | 
`),
    { id: 't11', title: '附表 1 自我评价评分表', headerRows: 1, firstLine: 651 },
  );
  const doc = normalizeDocument(docOf([funds, score], text));
  const facts = doc.facts.filter((f) => f.value_status !== 'blank');

  it('takes the project from the text above each table', () => {
    expect(doc.tables.map((t) => [t.kind, t.project])).toEqual([
      ['performance', '城乡医疗救助'],
      ['performance', '城乡医疗救助'],
    ]);
  });

  it('reads 年度资金总额 (label with a trailing colon) and the indicators', () => {
    expect(one(facts, { row_name: '年度资金总额', column_key: 'initial_budget' }).value).toBe('150000');
    expect(one(facts, { row_name: '年度资金总额', column_key: 'execution_rate' }).value).toBe('0');
    expect(one(facts, { row_name: '救助资金拨付的准确性', column_key: 'target' }).row_path).toBe('产出指标 / 质量指标');
    expect(one(facts, { row_name: '城乡医疗救助人次', column_key: 'score' }).value).toBe('8.41');
  });
});

describe('parseTarget', () => {
  it.each([
    ['≥95%', { op: '>=', value: '95', unit: '%' }],
    ['≤800000元', { op: '<=', value: '800000', unit: '元' }],
    ['>600人次', { op: '>', value: '600', unit: '人次' }],
    ['=3689 元', { op: '=', value: '3689', unit: '元' }],
    ['≤3172 54元', { op: '<=', value: '317254', unit: '元' }],
    ['100%', { op: '=', value: '100', unit: '%' }],
    ['35.7万人', { op: '=', value: '35.7', unit: '万人' }],
    ['＞80%', { op: '>', value: '80', unit: '%' }],
  ])('%s', (raw, want) => {
    expect(parseTarget(raw)).toEqual(want);
  });

  it.each(['及时', '持续保障', '12月底前', '2022年12月31日前', '每月10日前'])('%s stays text only', (raw) => {
    expect(parseTarget(raw)).toBeUndefined();
  });
});

describe('a percentage printed in a money column (seed 002 line 2110: 全年执行数 29.77%)', () => {
  it('reads the amount, keeps the print and lowers the confidence', () => {
    const t = tableOf(
      rows(`
项目名称 | 中央财政医疗服务与保障能力提升补助资金 |  |  |  |  |  | 
项目资金预算安排及执行进度（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 资金结(转)余 | 执行率 | 得分 | 
资金总额： | 30 | 30 | 29.77% | 0.23 | 99.24% | 9 | 
`),
      { title: '项目支出绩效自评表', headerRows: 0, firstLine: 2108, layout: { kind: 'key-value' } },
    );
    const facts = normalizeDocument(docOf([t])).facts;
    // 30 − 0.23 = 29.77 (万元), and 29.77 / 30 = 99.23…% ≈ the printed 99.24%: the cell is the amount.
    expect(one(facts, { column_key: 'executed' })).toMatchObject({
      value: '297700',
      value_printed: '29.77%',
      confidence: '0.5',
    });
    expect(one(facts, { column_key: 'balance' }).value).toBe('2300');
    expect(one(facts, { column_key: 'execution_rate' }).value).toBe('0.9924');
  });
});
