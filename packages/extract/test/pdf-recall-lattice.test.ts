import { describe, expect, it } from 'vitest';
import { FurnitureDetector } from '../src/pdf/furniture.ts';
import { tableRows } from '../src/pdf/grid.ts';
import { findLattices } from '../src/pdf/lattice.ts';
import { analysePage } from '../src/pdf/page-tables.ts';
import { hasUnruledInnerColumns } from '../src/pdf/table-inner-columns.ts';
import type { Glyph, Segment } from '../src/pdf/types.ts';
import { wordGlyphs } from './fixtures/pdf/word-glyphs.ts';

const hLine = (y: number, x0: number, x1: number): Segment => ({ x0, x1, top: y, bottom: y, orientation: 'h' });
const vLine = (x: number, top: number, bottom: number): Segment => ({ x0: x, x1: x, top, bottom, orientation: 'v' });
/** Glyphs of several words, each [text, x, top]. */
const text = (...words: [string, number, number][]): Glyph[] => words.flatMap(([t, x, top]) => wordGlyphs(t, x, top));

/** Ruled grid: verticals at xs, horizontals at ys, each spanning the whole grid. */
function grid(xs: number[], ys: number[]): { h: Segment[]; v: Segment[] } {
  return {
    h: ys.map((y) => hLine(y, xs[0]!, xs[xs.length - 1]!)),
    v: xs.map((x) => vLine(x, ys[0]!, ys[ys.length - 1]!)),
  };
}

describe('ruled rows holding several records', () => {
  it('splits a ruled row at blank lines when each block below starts with a label in the first cell', () => {
    // Header row 0–20; one ruled body row 20–100 holding a group label and two records, blank lines between.
    // Lines are 10 pt high: "Group:" 22–32, "Alpha" block 45–67 (two lines 2 pt apart), "Beta" 80–90.
    const { h, v } = grid([0, 100, 300], [0, 20, 100]);
    const glyphs = text(
      ['Source', 5, 5],
      ['Definition', 105, 5],
      ['Group:', 5, 22],
      ['Alpha', 5, 45],
      ['First text', 105, 45],
      ['more text', 105, 57],
      ['Beta', 5, 80],
      ['Second', 105, 80],
    );
    const [table] = findLattices(h, v, glyphs, 1).grids;
    expect(tableRows(table!)).toEqual([
      ['Source', 'Definition'],
      ['Group:', ''],
      ['Alpha', 'First text more text'],
      ['Beta', 'Second'],
    ]);
  });

  it('keeps a note printed under the values of a record in that record (no label starts it)', () => {
    // "Alpha" with two totals on its first line; a blank line; then details under the totals only.
    const { h, v } = grid([0, 100, 200, 300], [0, 20, 80]);
    const glyphs = text(
      ['Group', 5, 5],
      ['Butter', 105, 5],
      ['Other', 205, 5],
      ['Alpha', 5, 22],
      ['Total: 5%', 105, 22],
      ['Total: 7%', 205, 22],
      ['Fruit (2%)', 105, 45],
      ['Effi (3%)', 205, 45],
    );
    const [table] = findLattices(h, v, glyphs, 1).grids;
    expect(tableRows(table!)).toEqual([
      ['Group', 'Butter', 'Other'],
      ['Alpha', 'Total: 5% Fruit (2%)', 'Total: 7% Effi (3%)'],
    ]);
  });
});

describe('ruled frames with unruled inner columns', () => {
  it('finds a column of values printed side by side inside one ruled column', () => {
    // Column [0, 300): "12" at 5–15 and "34" at 150–160 on four lines; the band 15–150 is blank on all.
    const glyphs = [0, 14, 28, 42].flatMap((top, i) => text([`1${i}`, 5, top], [`3${i}`, 150, top]));
    expect(hasUnruledInnerColumns([0, 300], glyphs)).toBe(true);
  });

  it('does not take a bullet and its indented text for two columns', () => {
    const glyphs = [0, 14, 28, 42].flatMap((top, i) => text(['•', 5, top], [`Reason number ${i}`, 25, top]));
    expect(hasUnruledInnerColumns([0, 300], glyphs)).toBe(false);
  });

  it('reads a frame ruled only around its header and body from whitespace, one column per value', () => {
    // Rules across 0–400 at 100 (top), 130 (under the header) and 200 (bottom); verticals only at 0, 100, 400.
    // Column 100–400 prints two values per line (x = 150 and x = 300) under a group header straddling both (160–213).
    const h = [hLine(100, 0, 400), hLine(130, 0, 400), hLine(200, 0, 400)];
    const v = [vLine(0, 100, 200), vLine(100, 100, 200), vLine(400, 100, 200)];
    const rows: [string, string, string][] = [
      ['0-9', '1,000', '2,000'],
      ['10-19', '1,100', '2,100'],
      ['20-29', '1,200', '2,200'],
      ['30-39', '1,300', '2,300'],
    ];
    const glyphs = text(
      ['Age', 5, 103],
      ['Group total', 160, 103],
      ['Male', 150, 117],
      ['Female', 300, 117],
      ...rows.flatMap(([a, b, c], i): [string, number, number][] => [
        [a, 5, 134 + i * 14],
        [b, 150, 134 + i * 14],
        [c, 300, 134 + i * 14],
      ]),
    );
    const page = { page: 1, width: 600, height: 800, rotation: 0, glyphs, segments: [...h, ...v] };
    const { tables } = analysePage(page, new FurnitureDetector(), 1);
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(table.method).toBe('pdf-stream');
    expect(table.nCols).toBe(3);
    const out = tableRows(table);
    for (const row of rows) expect(out).toContainEqual(row);
    // The two header lines are 4 pt apart, so they stack into one row; the value columns part at 237.5, midway
    // between "1,000" (ends 175) and "2,000" (starts 300), which puts "Group total" (160–213) in the middle one.
    expect(out[0]).toEqual(['Age', 'Group total Male', 'Female']);
  });
});

describe('sideways header text', () => {
  /** Glyphs of a word turned to read upwards: the first character at the bottom, in printing order. */
  function upwards(word: string, x: number, bottom: number): Glyph[] {
    return [...word].map((ch, k) => ({
      ch,
      x0: x,
      x1: x + 10,
      top: bottom - (k + 1) * 5,
      bottom: bottom - k * 5,
      size: 10,
      font: 'f',
      spaceBefore: false,
      baseline: bottom - k * 5 - 2.5,
      upright: false,
    }));
  }

  it('reads text turned upwards from bottom to top, in the order it was printed', () => {
    // Header row 0–40 holds "Total" and "Share" turned upwards (bottom at 38); body row 40–60.
    const { h, v } = grid([0, 50, 100], [0, 40, 60]);
    const glyphs = [...upwards('Total', 20, 38), ...upwards('Share', 70, 38), ...text(['5', 5, 45], ['7', 55, 45])];
    const [table] = findLattices(h, v, glyphs, 1).grids;
    expect(tableRows(table!)).toEqual([
      ['Total', 'Share'],
      ['5', '7'],
    ]);
  });
});
