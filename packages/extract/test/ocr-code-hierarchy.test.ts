import { describe, expect, it } from 'vitest';
import type { Cell } from '../src/model.ts';
import { repairCodeHierarchy } from '../src/ocr/ocr-tables.ts';
import { grid } from './fixtures/ocr/cells.ts';

const codes = (cells: Cell[]) => cells.filter((c) => c.col === 0).map((c) => c.text);

// The functional classification nests by prefix: 221 住房保障支出 ⊃ 22102 住房改革支出 ⊃ 2210201 住房公积金.
const TRUE_CODES: [string, string][] = [
  ['201', '一般公共服务支出'],
  ['20101', '人大事务'],
  ['2010101', '行政运行'],
  ['2010102', '一般行政管理事务'],
  ['221', '住房保障支出'],
  ['22102', '住房改革支出'],
  ['2210201', '住房公积金'],
  ['2210203', '购房补贴'],
  ['合计', ''],
];
const misread = (at: number, reading: string) =>
  grid(TRUE_CODES.map(([code, name], i): [string, string] => [i === at ? reading : code, name]));

describe('repairCodeHierarchy', () => {
  it('gives a 类 misread by one digit the prefix its children agree on', () => {
    const fixed = repairCodeHierarchy(misread(4, '224'), 0);
    expect(codes(fixed)).toEqual(TRUE_CODES.map(([c]) => c));
    expect(fixed.find((c) => c.row === 4 && c.col === 0)?.notes).toContain('ocr-cleaned: 224');
  });

  it('rebuilds a 类 read as letters from the 款 under it', () => {
    expect(codes(repairCodeHierarchy(misread(4, 'eat'), 0))).toEqual(TRUE_CODES.map(([c]) => c));
  });

  it('leaves alone codes that agree, labels, far-off readings and a 项 whose prefix is already printed', () => {
    const clean = grid(TRUE_CODES);
    expect(codes(repairCodeHierarchy(clean, 0))).toEqual(TRUE_CODES.map(([c]) => c));
    // Two digits off: more likely a misprint in the document than a misreading; validation reports it.
    expect(codes(repairCodeHierarchy(misread(4, '234'), 0))[4]).toBe('234');
    // Garbage in a 项 row: the next code is 221 (a 类), so nothing says which 项 it was.
    expect(codes(repairCodeHierarchy(misread(3, 'eat'), 0))[3]).toBe('eat');
    // Garbage before 20101 would become 201, which is printed above already.
    const rows = grid([
      ['201', 'a'],
      ['2010101', 'b'],
      ['eat', 'c'],
      ['20101', 'd'],
      ['2010102', 'e'],
    ]);
    expect(codes(repairCodeHierarchy(rows, 0))[2]).toBe('eat');
  });
});
