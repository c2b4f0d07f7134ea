import { describe, expect, it } from 'vitest';
import type { Matrix } from '../src/pdf/geometry.ts';
import type { RawGlyph } from '../src/pdf/glyphs.ts';
import { type OpFont, type TextOpCodes, textOpsToGlyphs } from '../src/pdf/text-ops.ts';

// Operator codes are arbitrary here: the function takes them as a parameter (pdf.js's OPS in production).
const OPS: TextOpCodes = {
  save: 1,
  restore: 2,
  transform: 3,
  paintFormXObjectBegin: 4,
  paintFormXObjectEnd: 5,
  beginText: 6,
  setFont: 7,
  setTextMatrix: 8,
  moveText: 9,
  setLeadingMoveText: 10,
  nextLine: 11,
  setLeading: 12,
  setCharSpacing: 13,
  setWordSpacing: 14,
  setHScale: 15,
  setTextRise: 16,
  showText: 17,
};
type Op = [keyof TextOpCodes, unknown[] | null];

// A 600 × 800 pt page: PDF space (origin bottom left) to display space (origin top left).
const VIEWPORT: Matrix = [1, 0, 0, -1, 0, 800];
const PAGE = { width: 600, height: 800 };
const FONTS: Record<string, OpFont> = {
  F1: { ascent: 0.9, descent: -0.2 },
  T3: { isType3Font: true, fontMatrix: [0.01, 0, 0, 0.01, 0, 0] },
  V: { vertical: true },
};

/** A glyph 500/1000 em wide unless told otherwise; code 32 for a space, as PDFs print it. */
const g = (ch: string, width = 500) => ({ unicode: ch, width, originalCharCode: ch === ' ' ? 32 : ch.charCodeAt(0) });

function run(ops: Op[]): RawGlyph[] | undefined {
  return textOpsToGlyphs(
    ops.map(([name]) => OPS[name]),
    ops.map(([, args]) => args),
    OPS,
    VIEWPORT,
    PAGE,
    (name) => FONTS[name],
    (text) => text.normalize('NFKC'),
  );
}

const start = (size = 10): Op[] => [
  ['beginText', null],
  ['setFont', ['F1', size]],
  ['setTextMatrix', [[1, 0, 0, 1, 100, 700]]],
];
const xs = (glyphs: RawGlyph[] | undefined) => glyphs?.map((gl) => [gl.ch, gl.x, gl.y]);

describe('text operators to glyphs', () => {
  it('places each character by its own width, and TJ adjustments move the pen (1000 units = 1 em)', () => {
    // A and B are 5 pt wide at 10 pt; -300 moves right 3 pt (a word space), -1000 moves 10 pt (a column gap).
    const glyphs = run([...start(), ['showText', [[g('A'), g('B'), -300, g('C'), -1000, g('D')]]]]);
    expect(xs(glyphs)).toEqual([
      ['A', 100, 100],
      ['B', 105, 100],
      ['C', 113, 100],
      ['D', 128, 100],
    ]);
    expect(glyphs?.map((gl) => gl.spaceBefore)).toEqual([false, false, true, false]);
    expect(glyphs?.[0]).toMatchObject({ advance: 5, size: 10, ascent: 0.9, descent: -0.2, dir: [1, 0], font: 'F1' });
    expect(glyphs?.[0]?.up).toEqual([0, -1]);
  });

  it('adds character spacing to every glyph and word spacing to code 32 only', () => {
    // A: 5 + 1 = 6; space: 2.5 + 2 + 1 = 5.5; so B starts at 100 + 6 + 5.5.
    const glyphs = run([
      ...start(),
      ['setCharSpacing', [1]],
      ['setWordSpacing', [2]],
      ['showText', [[g('A'), g(' ', 250), g('B')]]],
    ]);
    expect(xs(glyphs)).toEqual([
      ['A', 100, 100],
      ['B', 111.5, 100],
    ]);
    expect(glyphs?.[1]?.spaceBefore).toBe(true);
  });

  it('scales advances horizontally (Tz) and raises the baseline (Ts)', () => {
    const glyphs = run([...start(), ['setHScale', [50]], ['setTextRise', [4]], ['showText', [[g('A'), g('B')]]]]);
    expect(xs(glyphs)).toEqual([
      ['A', 100, 96],
      ['B', 102.5, 96],
    ]);
    expect(glyphs?.[0]?.advance).toBe(2.5);
  });

  it('moves to new lines from the line start (Td), with leading (TD, T*), and continues after a show', () => {
    const glyphs = run([
      ...start(),
      ['showText', [[g('A')]]],
      ['showText', [[g('B')]]],
      ['moveText', [50, 0]],
      ['showText', [[g('C')]]],
      ['setLeadingMoveText', [-50, -12]],
      ['showText', [[g('D')]]],
      ['nextLine', null],
      ['showText', [[g('E')]]],
    ]);
    expect(xs(glyphs)).toEqual([
      ['A', 100, 100],
      ['B', 105, 100],
      ['C', 150, 100],
      ['D', 100, 112],
      ['E', 100, 124],
    ]);
  });

  it('applies the current transformation matrix and restores state on Q', () => {
    const glyphs = run([
      ['save', null],
      ['transform', [2, 0, 0, 2, 0, 0]],
      ['beginText', null],
      ['setFont', ['F1', 10]],
      ['setCharSpacing', [5]],
      ['setTextMatrix', [[1, 0, 0, 1, 10, 300]]],
      ['showText', [[g('A')]]],
      ['restore', null],
      ['beginText', null],
      ['setTextMatrix', [[1, 0, 0, 1, 10, 300]]],
      ['showText', [[g('B'), g('C')]]],
    ]);
    // Under cm 2: A at (20, 800 − 600) and 20 pt tall. After Q the font set inside q…Q is gone: B and C are skipped.
    expect(xs(glyphs)).toEqual([['A', 20, 200]]);
    expect(glyphs?.[0]?.size).toBe(20);
  });

  it('splits a ligature into its letters and leaves out text drawn off the page', () => {
    const glyphs = run([
      ...start(),
      ['showText', [[g('ﬁ', 600)]]],
      ['setTextMatrix', [[1, 0, 0, 1, -50, 700]]],
      ['showText', [[g('Z')]]],
    ]);
    expect(glyphs?.map((gl) => gl.ch)).toEqual(['f', 'i']);
    expect(glyphs?.[0]?.x).toBe(100);
    expect((glyphs?.[0]?.advance ?? 0) + (glyphs?.[1]?.advance ?? 0)).toBeCloseTo(6, 9);
  });

  it('declines pages with Type3 or vertical fonts, or fonts it cannot find, so the caller reads them another way', () => {
    for (const font of ['T3', 'V', 'missing']) {
      expect(
        run([
          ['beginText', null],
          ['setFont', [font, 10]],
          ['showText', [[g('A')]]],
        ]),
      ).toBeUndefined();
    }
  });

  it('reads a rotated text matrix: characters advance down the page and "up" points left', () => {
    // Tm rotated 90° counter-clockwise in PDF space: advance along +y (up the page), i.e. −y on screen.
    const glyphs = run([
      ['beginText', null],
      ['setFont', ['F1', 10]],
      ['setTextMatrix', [[0, 1, -1, 0, 300, 400]]],
      ['showText', [[g('A'), g('B')]]],
    ]);
    expect(xs(glyphs)).toEqual([
      ['A', 300, 400],
      ['B', 300, 395],
    ]);
    expect(glyphs?.[0]?.dir).toEqual([0, -1]);
    expect(glyphs?.[0]?.up.map((v) => v + 0)).toEqual([-1, 0]); // + 0 turns the product's -0 into 0
  });
});
