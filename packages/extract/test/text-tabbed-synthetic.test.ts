/**
 * The tab-separated extractor on small hand-written tables in the shape of other provinces' disclosures
 * (not the seeds): the expected cells follow from the printed text and its arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { toLines } from '../src/text/lines.ts';
import { extractTabbedTables } from '../src/text/tabbed/index.ts';
import { rowWith, textAt } from './fixtures/tabbed/helpers.ts';

const extract = (rows: string[]) => extractTabbedTables(toLines(rows.join('\n')));

describe('grid tables', () => {
  const tables = extract([
    '某县农业农村局一般公共预算财政拨款支出决算表',
    '部门：某县农业农村局\t\t单位：元',
    '项目\t\t本年支出\t\t',
    '科目编码\t科目名称\t小计\t基本支出\t项目支出',
    '\t栏次\t1\t2\t3',
    '\t合计\t1,500.00\t1,000.00\t500.00',
    '213\t农林水支出\t1,500.00\t1,000.00\t500.00',
    // This line lost its empty 基本支出 cell: 500.00 is 项目支出 (小计 500.00 = 0 + 500.00).
    '21301\t农业农村\t500.00\t\t500.00',
    '2130104\t事业运行\t1,000.00\t1,000.00\t',
    '注：本表反映一般公共预算财政拨款支出情况。',
  ]);

  it('moves the caption row out of the grid and keeps the note', () => {
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.title).toBe('某县农业农村局一般公共预算财政拨款支出决算表');
    expect(t.caption!.map((l) => l.lineNo)).toEqual([1, 2, 10]);
    expect(t.headerRows).toBe(3);
  });

  it('spans 本年支出 over its three columns and reads values under their labels', () => {
    const t = tables[0]!;
    const group = t.cells.find((c) => c.text === '本年支出')!;
    expect([group.col, group.colspan]).toEqual([2, 3]);
    const row = rowWith(t, '2130104');
    expect([textAt(row, 2), textAt(row, 3), textAt(row, 4)]).toEqual(['1,000.00', '1,000.00', '']);
    const kept = rowWith(t, '21301');
    expect([textAt(kept, 2), textAt(kept, 3), textAt(kept, 4)]).toEqual(['500.00', '', '500.00']);
  });

  it('realigns a row whose name landed in the code column', () => {
    const t = extract([
      '支出决算表',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '\t栏次\t1\t2\t3',
      '201\t一般公共服务支出\t30.00\t10.00\t20.00',
      '一般公共服务支出\t30.00\t10.00\t20.00',
    ])[0]!;
    const row = t.cells.filter((c) => c.provenance.lines![0] === 5);
    expect(row.map((c) => [c.col, c.text])).toEqual([
      [1, '一般公共服务支出'],
      [2, '30.00'],
      [3, '10.00'],
      [4, '20.00'],
    ]);
    expect(row.every((c) => (c.confidence ?? 1) < 1)).toBe(true);
  });
});

describe('page breaks', () => {
  it('joins a table whose title, unit and header were printed again after a page number and 续表', () => {
    const tables = extract([
      '政府性基金预算财政拨款收入支出决算表',
      '单位：万元',
      '项目\t\t年初结转和结余\t本年收入\t本年支出',
      '科目编码\t科目名称\t\t\t',
      '229\t其他支出\t0\t4.39\t4.39',
      '- 7 -',
      '政府性基金预算财政拨款收入支出决算表',
      '续表',
      '单位：万元',
      '项目\t\t年初结转和结余\t本年收入\t本年支出',
      '科目编码\t科目名称\t\t\t',
      '22960\t彩票公益金安排的支出\t0\t4.39\t4.39',
      '注：本表反映政府性基金预算财政拨款收入支出情况。',
    ]);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.headerRows).toBe(2);
    expect(textAt(rowWith(t, '22960'), 4)).toBe('4.39');
    expect(rowWith(t, '22960').get(0)!.provenance.lines).toEqual([12, 12]);
    expect(t.cells.filter((c) => c.text === '科目编码')).toHaveLength(1);
  });
});

describe('side-by-side and forms', () => {
  it('unpivots four blocks and keeps footers by label', () => {
    const t = extract([
      '基本支出决算明细表',
      '科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数',
      '301\t工资福利支出\t5\t302\t商品和服务支出\t2\t303\t对个人和家庭的补助\t1\t310\t资本性支出\t0',
      '30101\t基本工资\t5\t30201\t办公费\t2\t30302\t退休费\t1\t\t\t',
      '人员经费合计\t\t6\t\t\t\t公用经费合计\t\t2',
    ])[0]!;
    const codes = t.cells.filter((c) => c.col === 0 && !c.header).map((c) => c.text);
    expect(codes).toEqual(['301', '30101', '302', '30201', '303', '30302', '310']);
    expect(textAt(rowWith(t, '人员经费合计'), 2)).toBe('6');
    expect(textAt(rowWith(t, '公用经费合计'), 2)).toBe('2');
  });

  it('reads a form: placeholder rows skipped, 一级/二级 filled down, 总分 under 分值/得分', () => {
    const t = extract([
      '项目支出绩效自评表',
      '项目名称\t乡村医生补助\t\t\t',
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分',
      '产出指标\t数量指标\t补助人数\t≥100人\t120人\t50\t50',
      '\t\t指标 2:\t\t\t\t',
      '\t质量指标\t发放准确率\t100%\t100%\t40\t38',
      '总分\t\t\t\t\t90\t88',
    ])[0]!;
    expect(t.layout).toEqual({ kind: 'key-value' });
    expect(t.subject).toBe('乡村医生补助');
    expect(t.cells.some((c) => c.text.startsWith('指标 2'))).toBe(false);
    const q = rowWith(t, '发放准确率');
    expect([textAt(q, 0), textAt(q, 1), textAt(q, 5), textAt(q, 6)]).toEqual(['产出指标', '质量指标', '40', '38']);
    expect(q.get(0)!.notes).toEqual(['filled-down']);
    const total = rowWith(t, '总分');
    expect([textAt(total, 5), textAt(total, 6)]).toEqual(['90', '88']); // 50 + 40, 50 + 38
  });
});
