/**
 * normalizeDocument on tables built from rows the seeds print (line numbers cited); expected values are read
 * from the seed text and converted by hand (万元 × 10000), and checked by arithmetic where a total is printed.
 */
import { describe, expect, it } from 'vitest';
import { type Fact, normalizeDocument, PROFILES } from '../src/index.ts';
import { docOf, tableOf } from './builders.ts';

const rows = (block: string) =>
  block
    .replace(/^\n+|\n+$/g, '')
    .split('\n')
    .map((l) => l.split('|').map((c) => c.trim()));

const pick = (facts: Fact[], f: Partial<Fact>) =>
  facts.filter((x) => Object.entries(f).every(([k, v]) => x[k as keyof Fact] === v));
const value = (facts: Fact[], f: Partial<Fact>) => {
  const hits = pick(facts, f);
  expect(hits, JSON.stringify(f)).toHaveLength(1);
  return hits[0]?.value;
};

describe('two-sided summary (seed 000 公开01表, 万元, lines 113–152)', () => {
  const t = tableOf(
    rows(`
收入 |  |  | 支出 |  | 
项目 | 行次 | 决算数 | 项目 | 行次 | 决算数
栏次 |  | 1 | 栏次 |  | 2
一、一般公共预算财政拨款收入 | 1 | 732.48 | 一、一般公共服务支出 | 32 | 0
二、政府性基金预算财政拨款收入 | 2 | 4.39 | 二、外交支出 | 33 | 0
八、其他收入 | 8 | 0 | 八、社会保障和就业支出 | 39 | 46.98
 | 9 |  | 九、卫生健康支出 | 40 | 630.56
 | 14 |  | 十四、资源勘探工业信息等支 | 45 | 0
<b>本年收入合计</b> | 27 | 736.87 | <b>本年支出合计</b> | 58 | 736.87
 | 30 |  |  | 61 | 
<b>收入总计</b> | 31 | 736.87 | <b>支出总计</b> | 62 | 736.87
`),
    {
      title: '收入支出决算总表',
      caption: ['公开01表', '部门：郑州市中原区医疗保障局', '单位：万元'],
      headerRows: 3,
      firstLine: 113,
    },
  );
  const doc = normalizeDocument(docOf([t], ['2022年度', '部门：郑州市中原区医疗保障局', '单位：万元']));
  const facts = doc.facts.filter((f) => f.value_status === 'number');

  it('recognises the kind, unit and metadata', () => {
    expect(doc.tables[0]?.kind).toBe('summary');
    expect(doc.tables[0]?.unitPrinted).toBe('万元');
    expect(doc.tables[0]?.number).toBe('公开01表');
    expect(doc.meta).toMatchObject({ entity: '郑州市中原区医疗保障局', year: '2022', reportType: '决算' });
  });

  it('splits the sides, keeps 行次, converts 万元 to 元 exactly', () => {
    expect(value(facts, { side: 'income', row_name: '一般公共预算财政拨款收入', column_key: 'amount' })).toBe(
      '7324800',
    );
    expect(value(facts, { side: 'income', row_name: '政府性基金预算财政拨款收入' })).toBe('43900');
    expect(pick(facts, { side: 'income', row_name: '政府性基金预算财政拨款收入' })[0]?.row_line).toBe('2');
    expect(value(facts, { side: 'income', row_name: '本年收入合计' })).toBe('7368700');
    expect(value(facts, { side: 'expenditure', row_name: '支出总计' })).toBe('7368700');
  });

  it('maps the 类 names to codes, truncated names by prefix', () => {
    expect(value(facts, { side: 'expenditure', row_code: '208' })).toBe('469800');
    expect(value(facts, { side: 'expenditure', row_code: '210' })).toBe('6305600');
    const truncated = pick(facts, { side: 'expenditure', row_code: '215' })[0];
    expect(truncated).toMatchObject({
      row_name: '资源勘探工业信息等支出',
      row_level: '类',
      code_status: 'ok',
      value: '0',
    });
    expect(truncated?.row_name_printed).toBe('十四、资源勘探工业信息等支');
  });

  it('every fact carries provenance and a canonical key', () => {
    for (const f of facts) {
      expect(f.source).toMatch(/^lines \d+-\d+$/);
      expect(f.column_key).toBe('amount');
      expect(f.unit).toBe('元');
    }
    expect(pick(facts, { row_name: '本年收入合计' })[0]?.source).toBe('lines 121-121');
  });

  it('keeps 1–8 adding up to 本年收入合计 (arithmetic on the printed rows)', () => {
    const parts = ['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '其他收入'].map((n) =>
      Number(value(facts, { side: 'income', row_name: n })),
    );
    expect(parts.reduce((a, b) => a + b, 0)).toBe(7368700);
  });
});

describe('code-keyed tables printed shifted against their header (seed 001, 元)', () => {
  it('收入决算表: 7-digit codes in the 款 column, no names, 其他收入 in the 11th cell (lines 133–155)', () => {
    const t = tableOf(
      rows(`
项目 |  |  | 本年收入合计 | 财政拨款收入 | 上级补助收入 | 事业收入 |  | 经营收入 | 附属单位上缴收入 | 其他收入 |  |  | 
功能分类科目编码 |  |  |  |  |  | 科目名称 |  |  |  |  | 小计 | 其中：教育收费 | 
类 | 款 | 项 |  |  |  | 栏次 |  |  |  |  |  |  | 
合计 |  |  | 7,251,732.04 | 7,250,557.36 |  |  |  |  |  | 1,174.68 |  |  | 
201 |  |  | 63,500.00 | 63,500.00 |  |  |  |  |  |  |  |  | 
 | 2019999 |  | 63,500.00 | 63,500.00 |  |  |  |  |  |  |  |  | 
 | 2101599 |  | 550,783.71 | 549,958.64 |  |  |  |  |  | 825.07 |  |  | 
`),
      { title: '收入决算表', caption: ['金额单位：元'], headerRows: 3, firstLine: 133 },
    );
    const facts = normalizeDocument(docOf([t])).facts.filter((f) => f.value_status === 'number');
    expect(value(facts, { row_name: '合计', column_key: 'total' })).toBe('7251732.04');
    expect(value(facts, { row_name: '合计', column_key: 'other' })).toBe('1174.68');
    const r = pick(facts, { row_code: '2019999', column_key: 'fiscal' })[0];
    expect(r).toMatchObject({
      row_name: '其他一般公共服务支出',
      row_level: '项',
      parent_code: '20199',
      value: '63500',
    });
    // 550,783.71 − 549,958.64 = 825.07: the 11th cell is 其他收入.
    expect(value(facts, { row_code: '2101599', column_key: 'other' })).toBe('825.07');
  });

  it('支出决算表: names under 栏次 1 push every value one cell right (lines 167–176)', () => {
    const t = tableOf(
      rows(`
项目 |  |  | 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 | 经营支出 | 对附属单位补助支出
功能分类科目编码 | 科目名称 |  |  |  |  |  |  | 
类 | 款 | 项 | 1 | 2 | 3 | 4 | 5 | 6
 |  |  | 栏次 |  |  |  |  | 
 |  |  | 合计 | 7,267,891.06 | 4,217,447.45 | 3,050,443.61 |  | 
201 |  |  | 一般公共服务支出 | 63,500.00 |  | 63,500.00 |  | 
210 |  |  | 卫生健康支出 | 6,078,929.72 | 3,091,986.11 | 2,986,943.61 |  | 
`),
      { title: '支出决算表', caption: ['金额单位：元'], headerRows: 2, firstLine: 167 },
    );
    const facts = normalizeDocument(docOf([t])).facts.filter((f) => f.value_status === 'number');
    expect(value(facts, { row_name: '合计', column_key: 'total' })).toBe('7267891.06');
    expect(value(facts, { row_name: '合计', column_key: 'basic' })).toBe('4217447.45');
    expect(value(facts, { row_code: '210', column_key: 'project' })).toBe('2986943.61');
    expect(pick(facts, { row_code: '210', column_key: 'total' })[0]?.column_number).toBe('1');
    // 3,091,986.11 + 2,986,943.61 = 6,078,929.72
    expect(pick(facts, { row_code: '201', column_key: 'basic' })).toHaveLength(0);
  });

  it('一般公共预算财政拨款支出决算表 after the page break: values two cells left of the header (lines 246–262)', () => {
    const t = tableOf(
      rows(`
项目 |  |  | 科目名称 | 本年支出合计 | 基本支出 | 项目支出
功能分类科目编码 |  |  |  |  |  | 
类 | 款 | 项 | 栏次 合计 | 1 | 2 | 3
 |  |  |  | 7,267,891.06 | 4,217,447.45 | 3,050,443.61
2101301 | 城乡医疗救助 | 1,372,600.00 |  | 1,372,600.00
2101501 | 行政运行 | 1,153,194.24 | 1,153,194.24 | 
`),
      { title: '一般公共预算财政拨款支出决算表', caption: ['金额单位：元'], headerRows: 3, firstLine: 246 },
    );
    const facts = normalizeDocument(docOf([t])).facts.filter((f) => f.value_status === 'number');
    expect(value(facts, { row_name: '合计', column_key: 'total' })).toBe('7267891.06');
    expect(value(facts, { row_code: '2101301', column_key: 'total' })).toBe('1372600');
    expect(value(facts, { row_code: '2101301', column_key: 'project' })).toBe('1372600');
    expect(value(facts, { row_code: '2101501', column_key: 'basic' })).toBe('1153194.24');
    expect(pick(facts, { row_code: '2101501' })[0]).toMatchObject({
      table_kind: 'general_budget',
      code_scheme: 'exp_func',
    });
  });
});

describe('budget twin (部门预算, Shanghai 2025 layout)', () => {
  const t = tableOf(
    rows(`
项目 |  |  |  | 支出预算 |  | 
功能分类科目编码 |  |  | 功能分类科目名称 | 合计 | 基本支出 | 项目支出
类 | 款 | 项 |  |  |  | 
201 |  |  | 一般公共服务支出 | 82,096,797.42 | 15,686,797.42 | 66,410,000.00
201 | 03 |  | 政府办公厅（室）及相关机构事务 | 82,096,797.42 | 15,686,797.42 | 66,410,000.00
201 | 03 | 01 | 行政运行 | 12,029,501.84 | 11,919,501.84 | 110,000.00
`),
    { title: '2025年部门支出预算总表', headerRows: 3, spans: { '0:0': [1, 4], '0:4': [1, 3], '1:0': [1, 3] } },
  );
  const doc = normalizeDocument(docOf([t], ['2025年度部门预算']));

  it('picks the budget profile from the titles and joins split 类/款/项 codes', () => {
    expect(doc.meta.profile).toBe('cn-budget');
    expect(doc.meta.reportType).toBe('预算');
    expect(doc.tables[0]?.kind).toBe('expenditure');
    const f = doc.facts.filter((x) => x.value_status === 'number');
    expect(value(f, { row_code: '2010301', column_key: 'project' })).toBe('110000');
    expect(pick(f, { row_code: '20103' })[0]).toMatchObject({ row_level: '款', parent_code: '201', code_status: 'ok' });
    // 11,919,501.84 + 110,000.00 = 12,029,501.84
    expect(value(f, { row_code: '2010301', column_key: 'total' })).toBe('12029501.84');
  });
});

describe('三公 columns by printed label, whatever the order', () => {
  it('Shanghai layout: 预算数/决算数 under each item (putuo-guihuaziyuan p17)', () => {
    const t = tableOf(
      rows(`
财政拨款“三公”经费 |  |  |  |  |  |  |  |  |  |  | 
合计 |  | 因公出国（境）费 |  | 公务用车购置及运行维护费 |  |  |  |  |  | 公务接待费 | 
 |  |  |  | 小计 |  | 公务用车购置费 |  | 公务用车运行维护费 |  |  | 
预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数
2.85 | 0.39 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 2.85 | 0.39
`),
      {
        title: '财政拨款“三公”经费支出决算表',
        caption: ['单位：万元'],
        headerRows: 4,
        spans: {
          '0:0': [1, 12],
          '1:0': [2, 2],
          '1:2': [2, 2],
          '1:4': [1, 6],
          '1:10': [2, 2],
          '2:4': [1, 2],
          '2:6': [1, 2],
          '2:8': [1, 2],
        },
      },
    );
    const f = normalizeDocument(docOf([t])).facts.filter((x) => x.value_status === 'number');
    expect(value(f, { column_key: 'budget_total' })).toBe('28500');
    expect(value(f, { column_key: 'final_total' })).toBe('3900');
    expect(value(f, { column_key: 'final_reception' })).toBe('3900');
    expect(value(f, { column_key: 'budget_vehicle_total' })).toBe('0');
    expect(f.map((x) => x.column_key).sort()).toEqual(
      ['total', 'overseas', 'vehicle_total', 'vehicle_purchase', 'vehicle_operation', 'reception']
        .flatMap((k) => [`budget_${k}`, `final_${k}`])
        .sort(),
    );
  });
});

describe('06表 printed as side-by-side blocks (seed 000 lines 338–369, 万元)', () => {
  const t = tableOf(
    rows(`
经济分类科目编码 | 科目名称 | 决算数 | 经济分类科目编码 | 科目名称 | 决算数 | 经济分类科目编码 | 科目名称 | 决算数
301 | 工资福利支出 | 568.65 | 302 | 商品和服务支出 | 45.06 | 307 | 债务利息及费用支出 | 0
30101 | 基本工资 | 438.26 | 30201 | 办公费 | 14.58 | 30701 | 国内债务付息 | 0
30108 | 机关事业单位基本养老保险缴费 | 42.11 | 30206 | 电费 | 0 | 31003 | 专用设备购置 | 1.80
 | 人员经费合计 | 571 |  |  |  |  | 公用经费合计 | 46.86
`),
    { title: '一般公共预算财政拨款基本支出决算明细表', caption: ['单位：万元'], headerRows: 1, firstLine: 338 },
  );
  const f = normalizeDocument(docOf([t])).facts.filter((x) => x.value_status === 'number');

  it('unpivots every block into rows keyed by economic code', () => {
    expect(value(f, { row_code: '301' })).toBe('5686500');
    expect(value(f, { row_code: '30201' })).toBe('145800');
    expect(value(f, { row_code: '31003' })).toBe('18000');
    expect(pick(f, { row_code: '30101' })[0]).toMatchObject({
      code_scheme: 'dep_bgt_eco',
      parent_code: '301',
      row_path: '',
    });
    expect(f.every((x) => x.table_kind === 'general_budget_basic' && x.column_key === 'amount')).toBe(true);
  });

  it('reads the footers by name', () => {
    expect(value(f, { row_name: '人员经费合计' })).toBe('5710000');
    expect(value(f, { row_name: '公用经费合计' })).toBe('468600');
  });

  it('groups blocks under a printed 人员经费 | 公用经费 header (seed 001 line 277)', () => {
    const grouped = tableOf(
      rows(`
人员经费 |  |  | 公用经费 |  |  |  |  | 
科目编码 | 科目名称 | 金额 | 科目编码 | 科目名称 | 金额 | 科目编码 | 科目名称 | 金额
301 | 工资福利支出 | 4,101,668.92 | 302 | 商品和服务支出 | 343,371.77 | 310 | 资本性支出 | 32835.00
`),
      { title: '一般公共预算财政拨款基本支出决算表', caption: ['金额单位：元'], headerRows: 2, firstLine: 277 },
    );
    const g = normalizeDocument(docOf([grouped])).facts;
    expect(pick(g, { row_code: '301' })[0]?.row_path).toBe('人员经费');
    expect(pick(g, { row_code: '310' })[0]).toMatchObject({ row_path: '公用经费', value: '32835' });
  });
});

describe('codes checked against the list, unknown tables kept', () => {
  it('flags unknown codes and disagreeing names, never drops them', () => {
    const t = tableOf(
      rows(`
功能分类科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出
2109998 | 某新设科目 | 1.00 | 1.00 | 
2101501 | 事业运行 | 2.00 | 2.00 | 
`),
      { title: '支出决算表', caption: ['单位：元'], headerRows: 1 },
    );
    const f = normalizeDocument(docOf([t])).facts;
    expect(pick(f, { row_code: '2109998', column_key: 'total' })[0]).toMatchObject({
      code_status: 'unknown',
      row_name: '某新设科目',
      row_level: '项',
      parent_code: '21099',
    });
    expect(pick(f, { row_code: '2101501', column_key: 'total' })[0]).toMatchObject({
      code_status: 'name_mismatch',
      row_name: '行政运行',
      row_name_printed: '事业运行',
    });
  });

  it('keeps blank and ──── distinct from 0', () => {
    const t = tableOf(
      rows(`
功能分类科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出
208 | 社会保障和就业支出 | 0 | ──── | 
`),
      { title: '支出决算表', headerRows: 1 },
    );
    const f = normalizeDocument(docOf([t])).facts;
    expect(pick(f, { column_key: 'total' })[0]).toMatchObject({ value: '0', value_status: 'number' });
    expect(pick(f, { column_key: 'basic' })[0]).toMatchObject({
      value: '',
      value_status: 'not_applicable',
      value_printed: '────',
    });
  });

  it('an unrecognised table still yields generic col_<n> facts', () => {
    const t = tableOf(
      rows(`
序号 | 单位名称 | 单位性质
1 | 包头市医疗保险服务中心 | 参照公务员法管理的事业单位
`),
      { headerRows: 1, firstLine: 82 },
    );
    const doc = normalizeDocument(docOf([t]));
    expect(doc.tables[0]?.kind).toBe('unknown');
    const keys = doc.facts.map((x) => `${x.column_key}=${x.value}`);
    expect(keys).toContain('col_3=参照公务员法管理的事业单位');
    expect(doc.facts.every((x) => x.column_label !== '' && x.table_kind === 'unknown')).toBe(true);
  });

  it('profiles are valid zod data', () => {
    expect(PROFILES.map((p) => p.id)).toEqual(['cn-final-accounts', 'cn-budget']);
  });
});

describe('layouts a PDF extractor produces', () => {
  it('splits a code printed in the name cell, and reuses the header for a header-less continuation page', () => {
    const first = tableOf(
      rows(`
科目名称 | 本年支出合计 | 基本支出 | 项目支出
合计 | 736.87 | 617.86 | 119.02
2080505 机关事业单位基本养老保险缴费支出 | 42.11 | 42.11 | 0
`),
      { id: 't03', title: '支出决算表', caption: ['单位：万元'], headerRows: 1, firstLine: 207 },
    );
    const next = tableOf(
      rows(`
2296013 用于城乡医疗救助的彩票公益金支出 | 4.39 | 0 | 4.39
`),
      { id: 't04', headerRows: 0, firstLine: 238 },
    );
    const doc = normalizeDocument(docOf([first, next]));
    expect(doc.tables.map((t) => [t.kind, t.unitPrinted])).toEqual([
      ['expenditure', '万元'],
      ['expenditure', '万元'],
    ]);
    const f = doc.facts;
    expect(value(f, { row_code: '2080505', column_key: 'total' })).toBe('421100');
    // 0 + 4.39 = 4.39 (万元) on the continuation page, read with the first page's columns.
    expect(value(f, { row_code: '2296013', column_key: 'project' })).toBe('43900');
    expect(pick(f, { row_code: '2296013' })[0]).toMatchObject({
      table_id: 't04',
      row_name: '用于城乡医疗救助的彩票公益金支出',
    });
  });
});
