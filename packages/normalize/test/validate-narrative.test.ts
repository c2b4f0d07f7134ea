/** Reading restated amounts from the 情况说明 text and comparing them at the coarser printed precision. */
import { dec, toDecimalString } from '@ledgerlift/extract';
import { describe, expect, it } from 'vitest';
import type { NormalizedDocument, NormalizedRow, NormalizedTable, TableKind } from '../src/model.ts';
import { validateDocuments } from '../src/validate/index.ts';
import { roundToStep } from '../src/validate/narrative/index.ts';
import { findStatements, findThreePublicStatements, qualifierOf } from '../src/validate/narrative/statements.ts';
import { joinText } from '../src/validate/narrative/text.ts';

const lines = (...texts: string[]) => texts.map((text, i) => ({ lineNo: i + 1, text }));

function row(
  code: string,
  name: string,
  cells: Record<string, string>,
  side: NormalizedRow['side'] = '',
): NormalizedRow {
  const values: NormalizedRow['values'] = {};
  for (const [column, value] of Object.entries(cells)) {
    values[column] = { value, status: 'number', printed: value, label: column, source: 'lines 9-9', confidence: 1 };
  }
  return {
    code,
    codeScheme: '',
    level: '',
    parentCode: '',
    codeStatus: '',
    name,
    namePrinted: name,
    path: '',
    line: '',
    side,
    values,
  };
}

function table(kind: TableKind, unitPrinted: string, rows: NormalizedRow[]): NormalizedTable {
  return {
    id: `t-${kind}`,
    document: 'd',
    kind,
    number: '',
    title: '',
    unit: '元',
    unitPrinted,
    project: '',
    pages: [1, 1],
    rows,
    empty: false,
    warnings: [],
  };
}

function doc(tables: NormalizedTable[], text: string[]): NormalizedDocument {
  return {
    meta: { document: 'd', sha256: '', entity: '', year: '', reportType: '', profile: '' },
    tables,
    facts: [],
    text: lines(...text),
    warnings: [],
  };
}

const narrative = (d: NormalizedDocument) => validateDocuments([d]).filter((r) => r.check.startsWith('narrative/'));

describe('statements', () => {
  it('reads a sentence’s fund from the words before the label; 政府性基金预算财政拨款 is the fund', () => {
    expect(qualifierOf('2022年度')).toBe('none');
    expect(qualifierOf('2022年度财政拨款')).toBe('fiscal');
    expect(qualifierOf('2022年度政府性基金预算财政拨款')).toBe('gov_fund');
    expect(qualifierOf('其中一般公共预算项目支出1元、国有资金经营预算')).toBe('state_capital');
    expect(qualifierOf('“三公”经费一般公共预算财政拨款')).toBe('other');
  });

  it('joins a 类/款/项 name broken over a page and finds its 决算 amount, not the 年初预算', () => {
    const joined = joinText(
      lines(
        '4. 卫生健康支出（类）卫生健康管理事务（款）一般行政管',
        '',
        '理事务（项）。年初预算为99.50万元，支出决算为55.74万元，完成年初预算的56.02%。',
      ),
    );
    const [s] = findStatements(joined);
    expect(s?.type).toBe('item');
    expect(s?.type === 'item' && s.names).toEqual(['卫生健康支出', '卫生健康管理事务', '一般行政管理事务']);
    expect(toDecimalString(s!.value)).toBe('557400');
    expect(toDecimalString(s!.step)).toBe('100');
  });

  it('ignores amounts that are not restatements (changes, budgets, shares)', () => {
    const joined = joinText(
      lines('与上年度相比，收、支总计各减少3,925.25万元，下降84.19%。一般公共预算财政拨款支出年初预算为5,549.66万元。'),
    );
    expect(findStatements(joined)).toEqual([]);
  });

  it('reads “三公” budget and final amounts, the budget first when both are given', () => {
    const joined = joinText(
      lines(
        '2023年度“三公”经费一般公共预算财政拨款支出预算为12.50万元，支出决算为10.20万元。',
        '1、因公出国境费支出0.00元，出国团组共0个。公务用车购置及运行维护费支出决算3.10万元；公务用车购置费支出为0元。',
      ),
    );
    const found = findThreePublicStatements(joined).map((s) =>
      s.type === 'three_public' ? [s.column, toDecimalString(s.value)] : [],
    );
    expect(found).toEqual([
      ['budget_total', '125000'],
      ['final_total', '102000'],
      ['final_overseas', '0'],
      ['final_vehicle_total', '31000'],
      ['final_vehicle_purchase', '0'],
    ]);
  });

  it('rounds half away from zero', () => {
    expect(toDecimalString(roundToStep(dec('7251750'), dec('100')))).toBe('7251800');
    expect(toDecimalString(roundToStep(dec('7251749.99'), dec('100')))).toBe('7251700');
    expect(toDecimalString(roundToStep(dec('-150'), dec('100')))).toBe('-200');
  });
});

describe('narrative checks', () => {
  const summary = table('summary', '元', [
    row('', '本年收入合计', { amount: '7251732.04' }, 'income'),
    row('', '总计', { amount: '7519040.48' }, 'income'),
  ]);

  it('compares 万元 text with a 元 table after rounding the table to 0.01 万元', () => {
    const [ok] = narrative(doc([summary], ['2023年度收入合计725.17万元。']));
    expect([ok?.status, ok?.severity, ok?.tolerance]).toEqual(['pass', 'info', '100']);
    expect(ok?.cells.map((c) => [c.table_id, c.value, c.source])).toEqual([
      ['', '7251700', 'lines 1-1'],
      ['t-summary', '7251732.04', 'lines 9-9'],
    ]);
    const [bad] = narrative(doc([summary], ['2023年度收入合计725.18万元。']));
    expect([bad?.status, bad?.severity, bad?.difference]).toEqual(['fail', 'warning', '67.96']);
  });

  it('compares 元 text with a 元 table exactly', () => {
    const [bad] = narrative(doc([summary], ['2023 年度收、支总计 7,519,040.47 元。']));
    expect([bad?.status, bad?.expected, bad?.actual]).toEqual(['fail', '7519040.48', '7519040.47']);
  });

  it('matches a 类 name with or without 支出 to the 一般公共预算 table by name', () => {
    const gb = table('general_budget', '万元', [
      row('', '合计', { total: '7324800' }),
      row('210', '卫生健康支出', { total: '6305600' }),
    ]);
    const [r] = narrative(doc([gb], ['主要用于以下方面：卫生健康（类）支出630.56万元，占86.09%。']));
    expect([r?.status, r?.cells[1]?.row]).toEqual(['pass', '210 卫生健康支出']);
  });

  it('compares a 类 named in the 支出决算 section with the 支出决算表, in the 一般公共预算 section with 05', () => {
    const exp = table('expenditure', '元', [
      row('', '合计', { total: '500' }),
      row('210', '卫生健康支出', { total: '500' }),
    ]);
    const gb = table('general_budget', '元', [
      row('', '合计', { total: '300' }),
      row('210', '卫生健康支出', { total: '300' }),
    ]);
    const results = narrative(
      doc(
        [exp, gb],
        [
          '三、支出决算情况说明',
          '其中：卫生健康(类)支出500元。',
          '五、一般公共预算财政拨款支出决算情况说明',
          '主要用于：卫生健康(类)支出300元。',
        ],
      ),
    );
    expect(results.map((r) => [r.status, r.cells[1]?.table_id])).toEqual([
      ['pass', 't-expenditure'],
      ['pass', 't-general_budget'],
    ]);
  });

  it('compares 政府采购 amounts with the statistics table, never with a heading row that prints nothing', () => {
    // Seed 002: 政府采购 1,350,620.00 = 货物 173,340.00 + 服务 1,177,280.00; 机关运行经费 is a group heading there,
    // its amount printed on its one filled part, 行政单位 210,557.60 (参照公务员法管理事业单位 is blank).
    const stats = table('other_info', '元', [
      row('', '合计', { amount: '1350620' }),
      row('', '货物', { amount: '173340' }),
      row('', '服务', { amount: '1177280' }),
      { ...row('', '机关运行经费', {}), values: {} },
      row('', '行政单位', { amount: '210557.6' }),
    ]);
    const results = narrative(
      doc(
        [stats],
        [
          '政府采购支出总额1,350,620.00元，其中：政府采购货物支出173,340.00元、政府采购服务支出1,177,280.00元。',
          '2022年机关运行经费支出210,557.60元。',
        ],
      ),
    );
    expect(results.map((r) => [r.check.replace(/\/L\d+$/, ''), r.status])).toEqual([
      ['narrative/政府采购支出总额', 'pass'],
      ['narrative/政府采购货物支出', 'pass'],
      ['narrative/政府采购服务支出', 'pass'],
      ['narrative/机关运行经费支出', 'pass'],
    ]);
    expect(results[3]?.cells.map((c) => [c.column, c.row, c.value])).toEqual([
      ['narrative', '机关运行经费支出210,557.60元', '210557.6'],
      ['amount', '行政单位', '210557.6'],
    ]);
  });

  it('reads 机关运行经费 from its parts only when one part prints an amount', () => {
    const stats = (parts: NormalizedRow[]) =>
      table('other_info', '元', [{ ...row('', '机关运行经费', {}), values: {} }, ...parts]);
    const sentence = ['2022年机关运行经费支出210,557.60元。'];
    const wrong = narrative(doc([stats([row('', '行政单位', { amount: '210557.7' })])], sentence));
    expect([wrong[0]?.status, wrong[0]?.cells[1]?.row]).toEqual(['fail', '行政单位']);
    const both = narrative(
      doc(
        [
          stats([
            row('', '行政单位', { amount: '200000' }),
            row('', '参照公务员法管理事业单位', { amount: '10557.6' }),
          ]),
        ],
        sentence,
      ),
    );
    expect(both[0]?.status).toBe('skipped');
  });

  it('skips, naming why, when the table is absent', () => {
    const [r] = narrative(doc([], ['2023年度收入合计725.17万元。']));
    expect([r?.status, r?.message]).toEqual(['skipped', 'table absent or empty: summary']);
  });
});
