/**
 * The tab-separated extractor on the real seeds. Every expected value below was read in the seed text (line
 * numbers given) and, where the table has arithmetic, checked by it; none was copied from program output.
 */
import { describe, expect, it } from 'vitest';
import { ExtractedTableSchema } from '../src/model.ts';
import { bodyRows, byTitle, rowWith, seedTables, type Table, textAt } from './fixtures/tabbed/helpers.ts';

const S000 = seedTables('000_9a60f633ec701c44');
const S001 = seedTables('001_55a449a7ecd7ae44');
const S003 = seedTables('003_66e4b9428f21a887');
const S004 = seedTables('004_a5c24cdf4fd3c526');

/** Header label printed at a column (any header row), for reading a column's header path. */
function headerPath(table: Table, col: number): string[] {
  return table.cells
    .filter((c) => c.header && c.row < table.headerRows && c.col <= col && col < c.col + (c.colspan ?? 1))
    .sort((a, b) => a.row - b.row)
    .map((c) => c.text);
}

describe('every table validates and carries line provenance', () => {
  for (const [name, seed] of Object.entries({ S000, S001, S003, S004 })) {
    it(name, () => {
      for (const table of seed.tables) {
        ExtractedTableSchema.parse(table);
        expect(table.method).toBe('text-tabbed');
        for (const cell of table.cells) {
          const [first, last] = cell.provenance.lines!;
          expect(first).toBeGreaterThanOrEqual(1);
          expect(last).toBeLessThanOrEqual(seed.lineCount);
        }
      }
    });
  }
});

describe('seed 001 (元, shifted columns)', () => {
  const tables = S001.tables;
  it('finds the nine 公开 tables and the two 自评表, titled as printed', () => {
    expect(tables.map((t) => t.title)).toEqual([
      '收入支出决算总表',
      '收入决算表',
      '支出决算表',
      '财政拨款收入支出决算总表',
      '一般公共预算财政拨款支出决算表',
      '一般公共预算财政拨款基本支出决算表',
      '一般公共预算财政拨款“三公”经费支出决算表',
      '政府性基金预算财政拨款收入支出决算表',
      '国有资本经营预算财政拨款支出决算表',
      '项目支出绩效自评表',
      '项目支出绩效自评表',
    ]);
  });

  it('keeps the caption: table number, department, unit and the note', () => {
    const t = byTitle(tables, '收入决算表');
    expect(t.caption!.map((l) => l.text)).toEqual([
      '收入决算表',
      '公开 02 表',
      '公开部门：原州区医疗保障局',
      '金额单位：元',
      '注：本表反映部门本年度取得的各项收入情况，数据取自财决 03 表',
    ]);
  });

  it('01 two-sided summary: one grid, both sides (lines 100, 121); 7,251,732.04 + 267,308.44 = 7,519,040.48', () => {
    const t = byTitle(tables, '收入支出决算总表');
    expect(t.headerRows).toBe(3);
    const health = rowWith(t, '九、卫生健康支出');
    expect([textAt(health, 1), textAt(health, 4), textAt(health, 5)]).toEqual(['9', '39', '6,078,929.72']);
    const total = rowWith(t, '总计');
    expect([textAt(total, 2), textAt(total, 5)]).toEqual(['7,519,040.48', '7,519,040.48']);
    expect(headerPath(t, 5)).toEqual(['支出', '决算数', '2']);
  });

  it('03: header printed one column left of the values is realigned (line 177: 3,091,986.11 + 2,986,943.61 = 6,078,929.72)', () => {
    const t = byTitle(tables, '支出决算表');
    const row = rowWith(t, '210');
    expect(textAt(row, 3)).toBe('卫生健康支出');
    expect(headerPath(t, 4)).toContain('本年支出合计');
    expect(headerPath(t, 5)).toContain('基本支出');
    expect(headerPath(t, 6)).toContain('项目支出');
    expect([textAt(row, 4), textAt(row, 5), textAt(row, 6)]).toEqual(['6,078,929.72', '3,091,986.11', '2,986,943.61']);
  });

  it('05: rows after the page break (lines 259–268) shifted two columns left are realigned, with lower confidence', () => {
    const t = byTitle(tables, '一般公共预算财政拨款支出决算表');
    expect(headerPath(t, 4)).toContain('本年支出合计');
    const before = rowWith(t, '2101199'); // line 257, printed under the header
    expect([textAt(before, 3), textAt(before, 4), textAt(before, 5)]).toEqual([
      '其他行政事业单位医疗支出',
      '144,420.99',
      '144,420.99',
    ]);
    expect(before.get(4)!.confidence ?? 1).toBe(1);
    const after = rowWith(t, '2101301'); // line 259: 城乡医疗救助 1,372,600.00 (total) = 1,372,600.00 (项目支出)
    expect([textAt(after, 3), textAt(after, 4), textAt(after, 5), textAt(after, 6)]).toEqual([
      '城乡医疗救助',
      '1,372,600.00',
      '',
      '1,372,600.00',
    ]);
    expect(after.get(4)!.confidence).toBeLessThan(1);
    expect(after.get(4)!.notes).toContain('realigned-from-col-2');
    expect(after.get(4)!.provenance.lines).toEqual([259, 259]);
    const basic = rowWith(t, '2101501'); // line 261: 行政运行 is basic expenditure
    expect([textAt(basic, 4), textAt(basic, 5), textAt(basic, 6)]).toEqual(['1,153,194.24', '1,153,194.24', '']);
    expect(bodyRows(t)).toBe(19); // line 249 (合计 values) + 18 coded rows
    // Line 248 prints `栏次 合计`: the 合计 label belongs to line 249's amounts (4,217,447.45 + 3,050,443.61).
    const total = rowWith(t, '合计');
    expect([textAt(total, 4), textAt(total, 5), textAt(total, 6)]).toEqual([
      '7,267,891.06',
      '4,217,447.45',
      '3,050,443.61',
    ]);
    expect(total.get(3)!.provenance.lines).toEqual([248, 248]);
    expect(total.get(4)!.provenance.lines).toEqual([249, 249]);
  });

  it('02: 7-digit codes stay where printed (款 column), values under their labels (line 150)', () => {
    const t = byTitle(tables, '收入决算表');
    const row = rowWith(t, '2101506');
    expect(row.get(1)!.text).toBe('2101506');
    expect(headerPath(t, 3)).toContain('本年收入合计');
    expect(headerPath(t, 10)).toContain('其他收入');
    // 96,123.00 + 349.61 = 96,472.61
    expect([textAt(row, 3), textAt(row, 4), textAt(row, 10)]).toEqual(['96,472.61', '96,123.00', '349.61']);
  });

  it('06 side-by-side is unpivoted: one row per code, group column, footers by label', () => {
    const t = byTitle(tables, '一般公共预算财政拨款基本支出决算表');
    expect(t.layout).toEqual({ kind: 'grid' });
    const codes = t.cells.filter((c) => c.col === 1 && !c.header).map((c) => c.text);
    // lines 279–311: 27 codes under 人员经费, 33 in the second block, 28 in the third.
    expect(codes).toHaveLength(88);
    expect(new Set(codes).size).toBe(88);
    const row = rowWith(t, '31002'); // line 281
    expect([textAt(row, 0), textAt(row, 2), textAt(row, 3)]).toEqual(['公用经费', '办公设备购置', '32835.00']);
    expect(rowWith(t, '30113').get(0)!.text).toBe('人员经费');
    expect(textAt(rowWith(t, '人员经费合计'), 3)).toBe('4,105,028.92');
    expect(textAt(rowWith(t, '公用经费合计'), 3)).toBe('343,371.77');
    expect(textAt(rowWith(t, '合 计'), 3)).toBe('4,448,400.69');
  });

  it('07 三公 prints headers only: 4 header rows, 公务用车购置及运行费 spans its three sub-columns', () => {
    const t = byTitle(tables, '三公');
    expect(t.headerRows).toBe(4);
    expect(bodyRows(t)).toBe(0);
    const vehicle = t.cells.find((c) => c.text === '公务用车购置及运行费' && c.col === 2)!;
    expect(vehicle.colspan).toBe(3);
    expect(headerPath(t, 9)).toEqual(['2023 年度决算数', '公务用车购置及运行费', '公务用车购置费', '10']);
  });

  it('自评表: fields, funds, goals and indicators with 一级/二级 filled down (lines 474–497)', () => {
    const t = byTitle(tables, '项目支出绩效自评表');
    expect(t.layout).toEqual({ kind: 'key-value' });
    expect(t.subject).toBe('2023 年中央财政医疗服务与保障能力提升补助资金');
    const funds = rowWith(t, '年度资金总额:');
    expect([textAt(funds, 4), textAt(funds, 5), textAt(funds, 6), textAt(funds, 7)]).toEqual([
      '98',
      '100',
      '100%',
      '100',
    ]);
    const know = rowWith(t, '医保政策知晓率'); // line 494, printed two columns left
    expect([1, 2, 4, 5, 6, 7].map((c) => textAt(know, c))).toEqual([
      '效益 指标 (40分)',
      '社会效益指标',
      '≥95%',
      '≥90%',
      '10',
      '7',
    ]);
    expect(know.get(1)!.notes).toEqual(['filled-down']);
    const total = rowWith(t, '总分');
    expect([textAt(total, 6), textAt(total, 7)]).toEqual(['100', '85']);
  });
});

describe('seed 000 (万元, page breaks with repeated headers, 16 project reports)', () => {
  const tables = S000.tables;
  it('01 split over two pages is one table with 31 body rows, each with its own line', () => {
    const t = byTitle(tables, '收入支出决算总表');
    expect(t.headerRows).toBe(3);
    expect(bodyRows(t)).toBe(31); // lines 116–138 (23) + 145–152 (8)
    expect(t.cells.filter((c) => c.text === '栏次')).toHaveLength(2); // only the first header's two
    const debt = rowWith(t, '二十四、债务还本支出');
    expect(debt.get(3)!.provenance.lines).toEqual([145, 145]);
    const total = rowWith(t, '收入总计'); // line 152, <b> removed
    expect([textAt(total, 1), textAt(total, 2), textAt(total, 5)]).toEqual(['31', '736.87', '736.87']);
  });

  it('02 continues after the break with 22960 and 2296013 (lines 194–195)', () => {
    const t = byTitle(tables, '收入决算表');
    expect(bodyRows(t)).toBe(25);
    const row = rowWith(t, '2296013');
    expect([textAt(row, 1), textAt(row, 2), textAt(row, 3), textAt(row, 8)]).toEqual([
      '用于城乡医疗救助的彩票公益金支出',
      '4.39',
      '4.39',
      '0',
    ]);
  });

  it('06 明细表 unpivoted without group column: 81 codes; 人员经费合计 571 = 568.65 + 2.35', () => {
    const t = byTitle(tables, '基本支出决算明细表');
    const codes = t.cells.filter((c) => c.col === 0 && !c.header).map((c) => c.text);
    expect(codes).toHaveLength(81); // 27 + 28 + 26 over lines 339–368
    expect(textAt(rowWith(t, '301'), 2)).toBe('568.65');
    expect(textAt(rowWith(t, '303'), 2)).toBe('2.35');
    expect(textAt(rowWith(t, '人员经费合计'), 2)).toBe('571');
    expect(textAt(rowWith(t, '公用经费合计'), 2)).toBe('46.86');
    expect(textAt(rowWith(t, '39909'), 1)).toBe('经常性赠与'); // after the page break, line 364
  });

  it('三公 keeps printed zeros and the no-data note in the caption', () => {
    const t = byTitle(tables, '三公');
    const zeros = t.cells.filter((c) => !c.header);
    expect(zeros.map((c) => c.text)).toEqual(Array(12).fill('0'));
    expect(t.caption!.some((l) => l.text.includes('故本表无数据'))).toBe(true);
  });

  it('each of the 16 project reports gives a funds table and a score table with the project as subject', () => {
    const funds = tables.filter((t) => t.title?.includes('年度预算安排及使用情况统计表'));
    const scores = tables.filter((t) => t.title?.includes('评分表') && t.layout?.kind === 'key-value');
    expect(funds).toHaveLength(16);
    expect(scores.filter((t) => t.subject)).toHaveLength(16);
    const first = funds[0]!;
    expect(first.subject).toBe('城乡医疗救助');
    expect(first.layout).toEqual({ kind: 'key-value' });
    expect(textAt(rowWith(first, '年度资金总额：'), 2)).toBe('15.00'); // line 574
    const score = scores[0]!;
    expect(score.subject).toBe('城乡医疗救助');
    const row = rowWith(score, '救助资金拨付的准确性'); // line 654: 一级 printed on line 653
    expect([textAt(row, 0), textAt(row, 1), textAt(row, 5), textAt(row, 6)]).toEqual([
      '产出指标',
      '质量指标',
      '10',
      '10',
    ]);
    expect(row.get(0)!.provenance.lines).toEqual([653, 653]);
    expect(textAt(rowWith(score, '城乡医疗救助人次'), 6)).toBe('8.41');
  });

  it('a wrapped indicator (lines 1112–1114) is joined into one row', () => {
    const t = tables.find((x) => x.subject === '购买大病保险经办服务使用区财政资金' && x.title?.includes('评分'))!;
    const row = rowWith(t, '受聘 人 员 满 意 度');
    expect(row.get(2)!.provenance.lines).toEqual([1112, 1114]);
    expect([textAt(row, 5), textAt(row, 6)]).toEqual(['3', '3']);
  });
});

describe('seed 003 and 004 (performance forms)', () => {
  /** Exact sum (in hundredths) of a column over the indicator rows: below the 一级指标 header, 总分 excluded. */
  function indicatorSum(t: Table, col: number): number {
    const headerRow = t.cells.find((c) => c.header && /^一级\s*指标/.test(c.text))!.row;
    const totalRow = t.cells.find((c) => /^总\s*分$/.test(c.text))!.row;
    return t.cells
      .filter((c) => c.col === col && c.row > headerRow && c.row < totalRow)
      .reduce((sum, c) => sum + Math.round(Number(c.text) * 100), 0);
  }

  it('003 自评表: realigned 时效 row (line 86: weight 30, score 30); Σ weights 100, Σ scores 95.52 = 总分', () => {
    const t = byTitle(S003.tables, '项目支出绩效自评表');
    expect(t.subject).toBe('医疗保险基金补助（离休人员、照顾人员门诊、住院补助）');
    const row = rowWith(t, '医疗补助发放及时性');
    expect([textAt(row, 4), textAt(row, 5), textAt(row, 6), textAt(row, 7)]).toEqual(['及时拨付', '', '30', '30']);
    const funds = rowWith(t, '年度资金总额');
    expect([2, 3, 4, 5, 6, 7].map((c) => textAt(funds, c))).toEqual(['1500', '1500', '828', '10', '55.20%', '5.52']);
    // funds weight 10 + indicators 10+30+10+20+10+10 = 100; 5.52 + 10+30+10+20+10+10 = 95.52
    expect(1000 + indicatorSum(t, 6)).toBe(10000);
    expect(552 + indicatorSum(t, 7)).toBe(9552);
    expect([textAt(rowWith(t, '总分'), 6), textAt(rowWith(t, '总分'), 7)]).toEqual(['100', '95.52']);
  });

  it('004 非在编: a name cut into two cells (line 425) and a 二级 label centred on its group (line 432)', () => {
    const t = S004.tables.find((x) => x.subject === '非在编人员经费')!;
    const cut = rowWith(t, '成本控制在预算内');
    expect([2, 4, 5, 6, 7].map((c) => textAt(cut, c))).toEqual(['成本指标', '38万元', '73.96万元', '5', '0']);
    expect(cut.get(3)!.notes).toContain('joined-cells');
    const centred = rowWith(t, '医保业务 正常开展'); // line 431; 社会效益指标 printed on the 指标 2 line below
    expect([textAt(centred, 1), textAt(centred, 2)]).toEqual(['效益指标 (30)', '社会效益指标']);
    expect(centred.get(2)!.provenance.lines).toEqual([432, 432]);
  });

  it('000: a vertical label cut over two lines with a repeated piece joins to 满意度指标 (lines 1112–1114)', () => {
    const t = S000.tables.find((x) => x.subject === '购买大病保险经办服务使用区财政资金' && x.title?.includes('评分'))!;
    expect([textAt(rowWith(t, '受聘 人 员 满 意 度'), 0), textAt(rowWith(t, '受聘 人 员 满 意 度'), 1)]).toEqual([
      '满意度指标',
      '服务对象满意度指标',
    ]);
  });

  it('003 评分表 over three pages is one key-value table of 17 indicators and 总分', () => {
    const t = byTitle(S003.tables, '评价指标体系评分表');
    expect(bodyRows(t)).toBe(18);
    expect(textAt(rowWith(t, '资金到位率'), 3)).toBe('2');
  });

  it('004: five forms, subjects as printed, placeholders skipped, weights and scores add up to 总分', () => {
    const forms = S004.tables.filter((t) => t.layout?.kind === 'key-value');
    expect(forms.map((t) => t.subject)).toEqual([
      '医保慢性病鉴定复检',
      '停征城镇职工基本医疗保险证弥补成本性支出',
      '非在编人员经费',
      '医疗服务与保障能力提升补助资金（医疗保障）',
      '国有资产产权变更税金',
    ]);
    for (const t of forms) expect(t.cells.some((c) => /^指标\s*\d/.test(c.text))).toBe(false);
    const first = forms[0]!;
    const passed = rowWith(first, '鉴定通过人次'); // line 327, printed one column right
    expect([3, 4, 5, 6, 7].map((c) => textAt(passed, c))).toEqual(['鉴定通过人次', '14000人次', '9001人次', '7', '7']);
    // Lines 318–350: funds 10 + 8+7+8+7+5+5+5+5+15+15+10 = 100; 7.26 + 6+7+8+7+5+5+5+5+15+15+9.79 = 95.05.
    const funds = rowWith(first, '年度资金总额');
    expect([textAt(funds, 5), textAt(funds, 7)]).toEqual(['10', '7.26']);
    expect(1000 + indicatorSum(first, 6)).toBe(10000);
    expect(726 + indicatorSum(first, 7)).toBe(9505);
    expect([textAt(rowWith(first, '总 分'), 6), textAt(rowWith(first, '总 分'), 7)]).toEqual(['100', '95.05']);
  });
});
