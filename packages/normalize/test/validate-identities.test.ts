/** Tolerance, hierarchy and skipping rules of the identity checks, on small hand-made tables. */
import { describe, expect, it } from 'vitest';
import type { NormalizedDocument, NormalizedRow, NormalizedTable, TableKind } from '../src/model.ts';
import { validateDocuments } from '../src/validate/index.ts';

/** A row; `cells` maps column → value in 元 ('' = blank, 'x…' = unreadable text). */
function row(
  code: string,
  name: string,
  cells: Record<string, string>,
  side: NormalizedRow['side'] = '',
  path = '',
): NormalizedRow {
  const values: NormalizedRow['values'] = {};
  for (const [column, v] of Object.entries(cells)) {
    const status = v === '' ? 'blank' : v.startsWith('x') ? 'text' : 'number';
    values[column] = {
      value: status === 'number' ? v : '',
      status,
      printed: v,
      label: column,
      source: `lines 1-1`,
      confidence: 1,
    };
  }
  return {
    code,
    codeScheme: '',
    level: '',
    parentCode: '',
    codeStatus: '',
    name,
    namePrinted: name,
    path,
    line: '',
    side,
    values,
  };
}

/** A 执行率 cell: value as a fraction, printed as a percentage. */
function rate(printed: string): NormalizedRow['values'][string] {
  const value = String(Number(printed.replace('%', '')) / 100);
  return { value, status: 'number', printed, label: 'execution_rate', source: 'lines 1-1', confidence: 1 };
}

function doc(kind: TableKind, unitPrinted: string, rows: NormalizedRow[]): NormalizedDocument {
  const table: NormalizedTable = {
    id: 't1',
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
  return {
    meta: { document: 'd', sha256: '', entity: '', year: '', reportType: '', profile: '' },
    tables: [table],
    facts: [],
    text: [],
    warnings: [],
  };
}

const find = (doc: NormalizedDocument, check: string) => validateDocuments([doc]).find((r) => r.check === check);

describe('tolerance', () => {
  it('lets a 万元 table differ by 0.01 万元 per summed term, as a warning', () => {
    // 1.00 万元 against 0.33 + 0.33 + 0.33 = 0.99 万元: 100 元 off, 3 terms allow 300 元.
    const d = doc('general_budget', '万元', [
      row('210', '卫生健康支出', { total: '10000' }),
      row('21001', 'a', { total: '3300' }),
      row('21011', 'b', { total: '3300' }),
      row('21013', 'c', { total: '3300' }),
    ]);
    const r = find(d, 'general_budget/children/210/total');
    expect([r?.status, r?.severity, r?.difference, r?.tolerance]).toEqual(['pass', 'warning', '100', '300']);
  });

  it('fails a 万元 table beyond that', () => {
    const d = doc('general_budget', '万元', [
      row('210', '卫生健康支出', { total: '10400' }),
      row('21001', 'a', { total: '3300' }),
      row('21011', 'b', { total: '3300' }),
      row('21013', 'c', { total: '3300' }),
    ]);
    const r = find(d, 'general_budget/children/210/total');
    expect([r?.status, r?.severity, r?.difference]).toEqual(['fail', 'error', '500']);
  });

  it('requires a 元 table to match to the fen', () => {
    const d = doc('general_budget', '元', [row('', '合计', { total: '100.01', basic: '60', project: '40' })]);
    const r = find(d, 'general_budget/columns-total/合计');
    expect([r?.status, r?.severity, r?.difference, r?.tolerance]).toEqual(['fail', 'error', '0.01', '0']);
  });
});

describe('hierarchy', () => {
  it('checks a 类 whose 款 rows are omitted against its 项 rows', () => {
    const d = doc('expenditure', '元', [
      row('210', '卫生健康支出', { total: '300' }),
      row('2101301', '城乡医疗救助', { total: '100' }),
      row('2101501', '行政运行', { total: '200' }),
    ]);
    const r = find(d, 'expenditure/children/210/total');
    expect([r?.status, r?.expected]).toEqual(['pass', '300']);
  });

  it('sums mixed printed 款 and orphan 项 under their nearest printed ancestor', () => {
    const d = doc('expenditure', '元', [
      row('', '合计', { total: '350' }),
      row('210', '卫生健康支出', { total: '350' }),
      row('21013', '医疗救助', { total: '100' }),
      row('2101301', '城乡医疗救助', { total: '100' }),
      row('2101501', '行政运行', { total: '250' }),
    ]);
    expect(find(d, 'expenditure/children/210/total')?.cells.map((c) => c.row)).toEqual([
      '210 卫生健康支出',
      '21013 医疗救助',
      '2101501 行政运行',
    ]);
    expect(find(d, 'expenditure/total-of-classes/total')?.status).toBe('pass');
  });

  it('counts blanks as zero, drops identities with nothing printed, skips unreadable cells', () => {
    const d = doc('general_budget', '元', [
      row('', '合计', { total: '5', basic: '', project: '5' }),
      row('229', '其他支出', { total: '', basic: '', project: '' }),
      row('210', '卫生健康支出', { total: '5', basic: 'x5', project: '5' }),
    ]);
    const results = validateDocuments([d]);
    expect(results.find((r) => r.check === 'general_budget/columns-total/合计')?.status).toBe('pass');
    expect(results.some((r) => r.check === 'general_budget/columns-total/229')).toBe(false);
    expect(results.find((r) => r.check === 'general_budget/columns-total/210')?.status).toBe('skipped');
  });
});

describe('two-sided summary', () => {
  it('adds the carry-over lines but not their fund breakdown into 总计', () => {
    const d = doc('appropriation_summary', '元', [
      row('', '一般公共预算财政拨款', { amount: '90' }, 'income'),
      row('', '本年收入合计', { amount: '90' }, 'income'),
      row('', '年初财政拨款结转和结余', { amount: '10' }, 'income'),
      row('', '一般公共预算财政拨款', { amount: '10' }, 'income'),
      row('', '总计', { amount: '100' }, 'income'),
      row('210', '卫生健康支出', { total: '95', general_budget: '95' }, 'expenditure'),
      row('', '本年支出合计', { total: '95', general_budget: '95' }, 'expenditure'),
      row('', '年末财政拨款结转和结余', { total: '5', general_budget: '5' }, 'expenditure'),
      row('', '总计', { total: '100', general_budget: '100' }, 'expenditure'),
    ]);
    const results = validateDocuments([d]);
    const failed = results.filter((r) => r.status === 'fail');
    expect(failed).toEqual([]);
    const grand = results.find((r) => r.check === 'appropriation_summary/grand-total/income/amount');
    expect(grand?.cells.map((c) => c.row)).toEqual([
      'income: 总计',
      'income: 本年收入合计',
      'income: 年初财政拨款结转和结余',
    ]);
    expect(results.find((r) => r.check.startsWith('appropriation_summary/carry-breakdown/income'))?.status).toBe(
      'pass',
    );
    expect(results.find((r) => r.check === 'appropriation_summary/balance')?.status).toBe('pass');
  });
});

describe('performance self-evaluation', () => {
  // Seed 003's table: 828 of 1500 万元 = 55.20%; 总分 95.52 = indicator scores (90) + 资金执行 5.52.
  const funds = (executionRate: string) => {
    const r = row('', '年度资金总额', {
      full_year_budget: '15000000',
      executed: '8280000',
      weight: '10',
      score: '5.52',
    });
    return { ...r, values: { ...r.values, execution_rate: rate(executionRate) } };
  };
  const indicators = [
    row('', '财政实际补助执行比率%', { weight: '50', score: '50' }, '', '产出指标 / 数量指标'),
    row('', '离休人员满意度', { weight: '40', score: '40' }, '', '满意度指标 / 服务对象满意度指标'),
  ];

  it('checks 执行率 against the amounts to its printed precision', () => {
    const ok = find(
      doc('performance', '万元', [funds('55.20%'), ...indicators]),
      'performance/execution-rate/t1/年度资金总额',
    );
    expect(ok?.status).toBe('pass');
    const bad = find(
      doc('performance', '万元', [funds('56.20%'), ...indicators]),
      'performance/execution-rate/t1/年度资金总额',
    );
    expect([bad?.status, bad?.severity]).toEqual(['fail', 'error']);
  });

  it('adds the funds block score into 总分 when the template scores it, and skips a blank 总分', () => {
    const total = row('', '总分', { weight: '100', score: '95.52' });
    const results = validateDocuments([doc('performance', '万元', [funds('55.20%'), ...indicators, total])]);
    const score = results.find((r) => r.check === 'performance/total-score/t1');
    expect([score?.status, score?.expected, score?.tolerance]).toEqual(['pass', '95.52', '0']);
    const blank = row('', '总分', { weight: '', score: '91' });
    const others = validateDocuments([doc('performance', '万元', [funds('55.20%'), ...indicators, blank])]);
    expect(others.some((r) => r.check === 'performance/total-weight/t1')).toBe(false);
    expect(others.find((r) => r.check === 'performance/total-score/t1')?.status).toBe('fail');
  });
});

describe('performance funds block', () => {
  // Seed 004, t02 (万元 converted to 元): 年度资金总额 40 / 40 / 29.04 all from 财政拨款; 分值 10 × 72.6% = 7.26.
  const total = (cells: Record<string, string>, executionRate = '72.6%') => {
    const r = row('', '年度资金总额', {
      initial_budget: '400000',
      full_year_budget: '400000',
      executed: '290400',
      weight: '10',
      ...cells,
    });
    return { ...r, values: { ...r.values, execution_rate: rate(executionRate) } };
  };
  const appropriation = row('', '财政拨款', {
    initial_budget: '400000',
    full_year_budget: '400000',
    executed: '290400',
  });
  const other = row('', '其他资金', { initial_budget: '', full_year_budget: '', executed: '' });

  it('checks 资金总额 = Σ its sources in each amount column, and names the cell that breaks it', () => {
    const ok = validateDocuments([doc('performance', '万元', [total({ score: '7.26' }), appropriation, other])]);
    for (const column of ['initial_budget', 'full_year_budget', 'executed'])
      expect(ok.find((r) => r.check === `performance/funds-sources-${column}/t1`)?.status).toBe('pass');
    // Seed 003 prints 年初预算数 1500 against 当年财政拨款 400 + 上年结转资金 780: a real inconsistency.
    const seed003 = validateDocuments([
      doc('performance', '万元', [
        total(
          { initial_budget: '15000000', full_year_budget: '15000000', executed: '8280000', score: '5.52' },
          '55.20%',
        ),
        row('', '当年财政拨款', { initial_budget: '4000000' }),
        row('', '上年结转资金', { initial_budget: '7800000' }),
      ]),
    ]);
    const bad = seed003.find((r) => r.check === 'performance/funds-sources-initial_budget/t1');
    expect([bad?.status, bad?.difference, bad?.cells.map((c) => c.row)]).toEqual([
      'fail',
      '3200000',
      ['年度资金总额', '当年财政拨款', '上年结转资金'],
    ]);
    // No source prints an amount in that column: nothing is claimed, nothing checked.
    expect(seed003.some((r) => r.check === 'performance/funds-sources-executed/t1')).toBe(false);
  });

  it('checks the funds score = 分值 × 执行率 to the printed places, and at most 分值 when overspent', () => {
    const score = (cells: Record<string, string>, executionRate?: string) =>
      validateDocuments([doc('performance', '万元', [total(cells, executionRate), appropriation, other])]).find(
        (r) => r.check === 'performance/funds-score/t1',
      );
    expect(score({ score: '7.26' })?.status).toBe('pass');
    expect([score({ score: '8.26' })?.status, score({ score: '8.26' })?.cells.map((c) => c.column)]).toEqual([
      'fail',
      ['execution_rate', 'weight', 'score'],
    ]);
    // 10 × 82.82% = 8.282, printed 8.28: rounding to the printed places passes.
    expect(score({ score: '8.28' }, '82.82%')?.status).toBe('pass');
    // Seed 004, t04: 194.63% spent scores 9.52 (the template deducts for overspending): only ≤ 分值 is checked.
    expect(score({ score: '9.52' }, '194.63%')?.status).toBe('pass');
    expect(score({ score: '11' }, '194.63%')?.status).toBe('fail');
  });
});

describe('statistics table', () => {
  it('checks 政府采购 合计 = 货物 + 工程 + 服务 (seed 002: 1,350,620.00 = 173,340.00 + 1,177,280.00)', () => {
    const d = doc('other_info', '元', [
      row('', '合计', { amount: '1350620' }),
      row('', '货物', { amount: '173340' }),
      row('', '工程', { amount: '' }),
      row('', '服务', { amount: '1177280' }),
    ]);
    expect(find(d, 'other_info/procurement')?.status).toBe('pass');
  });
});

describe('profile identities', () => {
  const d = doc('expenditure', '元', [row('', '合计', { total: '100', basic: '60', project: '40', special: '30' })]);

  it('adds a profile row_sum identity and does not repeat a built-in one', async () => {
    const { FINAL_ACCOUNTS_PROFILE } = await import('../src/index.ts');
    const plain = validateDocuments([d]).map((r) => r.check);
    expect(validateDocuments([d], FINAL_ACCOUNTS_PROFILE).map((r) => r.check)).toEqual(plain);
    const extra = validateDocuments([d], {
      identities: [
        { type: 'row_sum', id: 'custom', description: '', kind: 'expenditure', total: 'project', parts: ['special'] },
      ],
    });
    const custom = extra.find((r) => r.check === 'expenditure/columns-custom/合计');
    expect([custom?.status, custom?.difference]).toEqual(['fail', '10']);
  });
});

describe('robustness', () => {
  it('treats a malformed number as unreadable instead of throwing, and ignores unnamed col_<n> columns', () => {
    const bad = row('', '合计', { total: '10', basic: '5', project: '5' });
    const d = doc('general_budget', '元', [
      { ...bad, values: { ...bad.values, basic: { ...bad.values.basic!, value: '5,0' } } },
      row('210', '卫生健康支出', { total: '10', col_4: '41' }),
    ]);
    const results = validateDocuments([d]);
    expect(results.find((r) => r.check === 'general_budget/columns-total/合计')?.status).toBe('skipped');
    expect(results.some((r) => r.check.endsWith('/col_4'))).toBe(false);
    expect(results.find((r) => r.check === 'general_budget/total-of-classes/total')?.status).toBe('pass');
  });
});

describe('summary items', () => {
  it('does not add a 其中 line to the 本年收入合计', () => {
    const d = doc('summary', '元', [
      row('', '事业收入', { amount: '100' }, 'income'),
      { ...row('', '教育收费', { amount: '40' }, 'income'), namePrinted: '其中：教育收费' },
      row('', '其他收入', { amount: '20' }, 'income'),
      row('', '本年收入合计', { amount: '120' }, 'income'),
    ]);
    expect(find(d, 'summary/side-total/income/amount')?.status).toBe('pass');
  });
});

describe('tables in pieces and rows not printed', () => {
  it('checks a table split over a page break as one table', () => {
    const first = doc('general_budget', '元', [
      row('', '合计', { total: '30' }),
      row('208', '社会保障和就业支出', { total: '10' }),
    ]);
    const second = doc('general_budget', '元', [row('221', '住房保障支出', { total: '20' })]).tables[0]!;
    const d = { ...first, tables: [...first.tables, { ...second, id: 't2', pages: [2, 2] as [number, number] }] };
    const r = find(d, 'general_budget/total-of-classes/total');
    expect([r?.status, r?.cells.map((c) => c.table_id)]).toEqual(['pass', ['t1+t2', 't1+t2', 't1+t2']]);
  });

  it('skips a cross check whose total row a table does not print (budget summaries without 本年支出合计)', () => {
    const summary = doc('summary', '元', [
      row('201', '一般公共服务支出', { amount: '30' }, 'expenditure'),
      row('', '支出总计', { amount: '30' }, 'expenditure'),
    ]).tables[0]!;
    const expenditure = doc('expenditure', '元', [
      row('', '合计', { total: '30' }),
      row('201', '一般公共服务支出', { total: '30' }),
    ]).tables[0]!;
    const d = {
      ...doc('summary', '元', []),
      tables: [summary, { ...expenditure, id: 't2', pages: [5, 5] as [number, number] }],
    };
    const results = validateDocuments([d]);
    expect(results.find((r) => r.check === 'cross/summary-expenditure-total')?.status).toBe('skipped');
    expect(results.find((r) => r.check === 'cross/summary-classes/201')?.status).toBe('pass');
    expect(results.some((r) => r.check.startsWith('cross/summary-classes/') && r.status === 'fail')).toBe(false);
  });
});
