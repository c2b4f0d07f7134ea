import { describe, expect, it } from 'vitest';
import type { Cell } from '../src/model.ts';
import { amountCandidates, cleanAmountText } from '../src/ocr/amount-candidates.ts';
import { repairAmounts } from '../src/ocr/repair.ts';
import { grid } from './fixtures/ocr/cells.ts';

const textAt = (cells: Cell[], row: number, col: number) => cells.find((c) => c.row === row && c.col === col)!.text;

// A 支出决算表 shaped like the seeds' (合计 = 基本支出 + 项目支出; parent = Σ children; 合计 = Σ 类), sums checked by hand.
const CLEAN = [
  ['', '合计', '16296005.96', '2315123.76', '13980882.20'],
  ['208', '社会保障和就业支出', '2126408.93', '264988.93', '1861420.00'],
  ['20805', '行政事业单位养老支出', '264988.93', '264988.93', ''],
  ['20830', '财政代缴社会保险费支出', '1861420.00', '', '1861420.00'],
  ['210', '卫生健康支出', '14169597.03', '2050134.83', '12119462.20'],
  ['21011', '行政事业单位医疗', '2050134.83', '2050134.83', ''],
  ['21013', '医疗救助', '12119462.20', '', '12119462.20'],
];

describe('amountCandidates', () => {
  it('maps confusable letters, junk and a split point', () => {
    expect(cleanAmountText('2o1o.5O')).toBe('2010.50');
    expect(cleanAmountText('”458794.42')).toBe('458794.42');
    expect(cleanAmountText('|2742187 .38|')).toBe('2742187.38');
    expect(cleanAmountText('3090593 40')).toBe('3090593.40');
  });

  it('offers a lost point and a point read as a digit', () => {
    expect(amountCandidates('309059340')).toContain('3090593.4');
    expect(amountCandidates('1834549418')).toContain('18345494.18');
  });
});

describe('repairAmounts', () => {
  it('leaves a consistent table alone and proves every amount', () => {
    const report = repairAmounts(grid(CLEAN), 0, 5);
    expect(report.repaired).toBe(0);
    expect(report.flagged).toBe(0);
    expect(report.equations).toBeGreaterThan(10);
  });

  it('repairs readings that break the identities, one way only', () => {
    const damaged = CLEAN.map((r) => [...r]);
    damaged[2]![3] = '2649B8.93'; // B for 8
    damaged[5]![2] = '205013483'; // point lost
    damaged[6]![4] = '1211946220'.replace('20', '2O'); // O for 0 and no point
    const report = repairAmounts(grid(damaged), 0, 5);
    expect(textAt(report.cells, 2, 3)).toBe('264988.93');
    expect(textAt(report.cells, 5, 2)).toBe('2050134.83');
    expect(textAt(report.cells, 6, 4)).toBe('12119462.2');
    expect(report.cells.find((c) => c.row === 5 && c.col === 2)!.notes).toContain(
      'ocr-repaired: 205013483 → 2050134.83',
    );
    expect(report.flagged).toBe(0);
  });

  it('repairs a single wrong digit only when every identity through the cell agrees', () => {
    const damaged = CLEAN.map((r) => [...r]);
    damaged[1]![2] = '2126408.98'; // 3 read as 8: row, hierarchy and 合计 identities all point at it
    const report = repairAmounts(grid(damaged), 0, 5);
    expect(textAt(report.cells, 1, 2)).toBe('2126408.93');
  });

  it('solves a misread from two agreeing identities when the reading is a digit away', () => {
    const damaged = CLEAN.map((r) => [...r]);
    damaged[3]![2] = '1761420.00'; // 8 read as 7: row (= 项目支出) and hierarchy (208 − 20805) both give 1861420
    const report = repairAmounts(grid(damaged), 0, 5);
    const cell = report.cells.find((c) => c.row === 3 && c.col === 2)!;
    expect(cell.text).toBe('1861420');
    expect(cell.notes?.some((n) => n.includes('solved from 2 identities'))).toBe(true);
    expect(report.flagged).toBe(0);
  });

  it('finds the 合计 row by its sums when its label was misread', () => {
    const damaged = CLEAN.map((r) => [...r]);
    damaged[0]![1] = '台计'; // 合 read as 台
    damaged[0]![3] = '2315128.16'; // two digits off 2315123.76: only two agreeing identities may solve it
    const report = repairAmounts(grid(damaged), 0, 5);
    expect(textAt(report.cells, 0, 3)).toBe('2315123.76');
    expect(report.flagged).toBe(0);
  });

  it('keeps and flags a reading no candidate and no close solution can explain', () => {
    const damaged = CLEAN.map((r) => [...r]);
    damaged[3]![2] = '1234567.00'; // far from 1861420: the identities know the value, the reading does not support it
    const report = repairAmounts(grid(damaged), 0, 5);
    const cell = report.cells.find((c) => c.row === 3 && c.col === 2)!;
    expect(cell.text).toBe('1234567.00');
    expect(cell.notes).toContain('ocr-unverified');
    expect(report.flagged).toBeGreaterThan(0);
  });
});
