/** Unit tests of the raw-text repairs: fake-bold doubling, glued amounts, blank cells, arithmetic placement. */
import { describe, expect, it } from 'vitest';
import type { TextLine } from '../src/model.ts';
import { identitiesFromLeaves, placeValues } from '../src/text/raw/arithmetic.ts';
import {
  halfIfDoubled,
  undoubleCode,
  undoubleColumnNumbers,
  undoubleRuns,
  undoubleToken,
} from '../src/text/raw/doubling.ts';
import { splitGlued, usesTwoDecimals } from '../src/text/raw/glue.ts';
import { dropRepeatedHeaders } from '../src/text/raw/grid.ts';
import { buildLeafPaths, readColumnNumbers } from '../src/text/raw/header.ts';
import { toPieces } from '../src/text/raw/pieces.ts';

const lines = (...texts: string[]): TextLine[] => texts.map((text, i) => ({ lineNo: i + 1, text }));

describe('fake-bold doubling', () => {
  it('halves a whole token that is two copies', () => {
    expect(halfIfDoubled('收入支出决算总表收入支出决算总表')).toBe('收入支出决算总表');
    expect(halfIfDoubled('项目项目')).toBe('项目');
    expect(halfIfDoubled('第一部分 概况第一部分 概况')).toBe('第一部分 概况');
    expect(halfIfDoubled('项目支出')).toBeUndefined();
  });
  it('keeps real reduplication in body tokens (常常, 谢谢) and real numbers', () => {
    expect(undoubleToken('常常')).toBeUndefined();
    expect(undoubleToken('合计合计')).toBe('合计');
    expect(undoubleToken('1111.00')).toBeUndefined();
  });
  it('decomposes header fragments into doubled runs', () => {
    expect(undoubleRuns('入入功能分类功能分类')).toBe('入功能分类');
    expect(undoubleRuns('上级补上级补')).toBe('上级补');
    expect(undoubleRuns('位位')).toBe('位');
    expect(undoubleRuns('科目名称')).toBeUndefined();
  });
  it('undoubles codes only to a code shape (3/5/7 digits)', () => {
    expect(undoubleCode('301301')).toBe('301');
    expect(undoubleCode('3090130901')).toBe('30901');
    expect(undoubleCode('2020')).toBeUndefined();
    expect(undoubleCode('1111')).toBeUndefined();
    expect(undoubleCode('301')).toBeUndefined();
  });
  it('undoubles column numbers only when the halves run 1..n and the printed numbers do not', () => {
    expect(undoubleColumnNumbers(['11', '22', '33'])).toEqual({ numbers: [1, 2, 3], doubled: true });
    const twelve = Array.from({ length: 12 }, (_, i) => String(i + 1));
    expect(undoubleColumnNumbers(twelve).numbers).toEqual(twelve.map(Number));
    expect(undoubleColumnNumbers(['1.00', '2.00', '3.00']).numbers).toEqual([1, 2, 3]);
    expect(readColumnNumbers('栏次栏次  11 栏次栏次  22').groups).toEqual([[1], [2]]);
    expect(readColumnNumbers('栏次栏次  1 栏次栏次  2 3 4 5').groups).toEqual([[1], [2, 3, 4, 5]]);
  });
});

describe('glued amounts', () => {
  it('splits an amount from the code or text glued after it', () => {
    expect(splitGlued('950305.0030201')).toEqual(['950305.00', '30201']);
    expect(splitGlued('2315122.76302302')).toEqual(['2315122.76', '302302']);
    expect(splitGlued('16156005.96一、一般公共服务支出')).toEqual(['16156005.96', '一、一般公共服务支出']);
    expect(splitGlued('1711.0030901')).toEqual(['1711.00', '30901']);
    expect(splitGlued('100.00200.00')).toEqual(['100.00', '200.00']);
  });
  it('leaves real numbers alone', () => {
    for (const n of ['1111.00', '2020', '12.3456', '117.492', '16212.00', '99.68%']) expect(splitGlued(n)).toEqual([n]);
  });
  it('is only enabled for bodies of two-decimal amounts', () => {
    expect(usesTwoDecimals(['1.00 16156005.96一、一般公共服务支出 32.00', '950305.00 950305.0030201 办公费'])).toBe(
      true,
    );
    expect(usesTwoDecimals(['资金总额： 0.58428 0.58428 0.58428 0.58428 0 100% 10', '21.5712 117.492'])).toBe(false);
  });
});

describe('blank cells from spacing', () => {
  it('reads a blank between two spaces and drops the one trailing space', () => {
    const pieces = toPieces(lines('1861420.00  1861420.00    '), true);
    expect(pieces.map((p) => p.text)).toEqual(['1861420.00', '', '1861420.00', '', '', '']);
  });
  it('joins a wrapped name and undoubles a fake-bold one, keeping a plain one', () => {
    const pieces = toPieces(
      lines('208', '社会保障和', '就业支出', '', '对个人和家庭对个人和家庭', '的补助的补助'),
      true,
    );
    expect(pieces.map((p) => p.text)).toEqual(['208', '社会保障和就业支出', '对个人和家庭的补助']);
    expect(pieces[1]?.lines).toEqual([2, 3]);
  });
  it('does not join a fake-bold section heading to the plain label below it', () => {
    const pieces = toPieces(lines('一、政府采购情况一、政府采购情况', '合计 1 1350620.00'), true);
    expect(pieces.map((p) => p.text)).toEqual(['一、政府采购情况', '合计', '1', '1350620.00']);
  });
});

describe('header label paths', () => {
  it('puts level-ordered children under their group', () => {
    const labels = ['年初结转和结余', '本年收入', '本年支出', '年末结转和结余', '小计', '基本支出', '项目支出'];
    expect(buildLeafPaths(labels).map((p) => p.join('/'))).toEqual([
      '年初结转和结余',
      '本年收入',
      '本年支出/小计',
      '本年支出/基本支出',
      '本年支出/项目支出',
      '年末结转和结余',
    ]);
  });
});

describe('placing values by arithmetic', () => {
  const leaves = [['本年支出合计'], ['基本支出'], ['项目支出'], ['上缴上级支出']];
  const ids = identitiesFromLeaves(leaves);
  it('keeps a positional reading that satisfies 合计 = Σ parts', () => {
    const placed = placeValues(['1861420.00', undefined, '1861420.00'], 4, ids, (t) => t);
    expect(placed.cells).toEqual(['1861420.00', undefined, '1861420.00', undefined]);
    expect(placed.confidence).toBe(1);
  });
  it('moves values when a lost blank breaks the identity, and says so', () => {
    // 合计 300.00 = 项目 100.00 + 其他 200.00 with the blank column 1 lost: positional reads 100.00 in column 1.
    const broken = placeValues(['300.00', '100.00', '200.00'], 4, [{ total: 0, plus: [2, 3], minus: [] }], (t) => t);
    expect(broken.cells).toEqual(['300.00', undefined, '100.00', '200.00']);
    expect(broken.note).toBe('placed-by-arithmetic');
    expect(broken.confidence).toBeLessThan(1);
  });
  it('flags a row no placement can balance', () => {
    const placed = placeValues(
      ['5.00', '1.00'],
      3,
      ids.length ? [{ total: 0, plus: [1, 2], minus: [] }] : [],
      (t) => t,
    );
    expect(placed.note).toBe('identity-fails');
    expect(placed.confidence).toBe(0.5);
  });
});

describe('repeated headers', () => {
  it('drops a header repeated after a page break, up to its 栏次 row', () => {
    const body = lines(
      '21013 医疗救助 5320000.00 5320000.00',
      '项目项目',
      '上级补上级补',
      '助收入助收入',
      '栏次栏次 1 2 3',
      '2101301 城乡医疗救助 1.00 1.00',
    );
    expect(dropRepeatedHeaders(body).map((l) => l.lineNo)).toEqual([1, 6]);
  });
});
