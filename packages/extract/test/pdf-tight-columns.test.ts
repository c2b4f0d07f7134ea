import { describe, expect, it } from 'vitest';
import { type Chunk, splitTightColumns } from '../src/pdf/tight-columns.ts';
import { SIZE, wordGlyphs } from './fixtures/pdf/word-glyphs.ts';

/** One chunk of glyphs at x, words separated by one printed space (a 3 pt gap, under the 5 pt cell gap). */
function chunk(text: string, x: number, top: number): Chunk {
  const glyphs = wordGlyphs(text, x, top);
  return { x0: x, top, x1: glyphs.at(-1)?.x1 ?? x, bottom: top + SIZE, glyphs };
}

const texts = (line: Chunk[]) => line.map((c) => c.glyphs.map((g) => g.ch).join(''));

describe('splitTightColumns', () => {
  it('splits two columns printed a word space apart when both sides vary down the rows', () => {
    // Column 2 holds "(4.7) Ref." style pairs: the second value starts at x = 140 on every row.
    const rows = [
      ['(4.7)', 'Ref.'],
      ['(5.9)', '1.1'],
      ['(7.7)', '2.0'],
      ['(9.6)', '2.5'],
    ];
    const lines = rows.map(([a, b], i) => [chunk(`Row ${i}`, 0, i * 14), chunk(`${a} ${b}`, 112, i * 14)]);
    // Each first value is 5 glyphs (112–137), the space puts the second at 140: the edge is mid-gap, 139.
    const { edges, chunks } = splitTightColumns(
      lines,
      lines.map(() => true),
      [0, 80, 200],
    );
    expect(edges).toEqual([0, 80, 139, 200]);
    expect(texts(chunks[0]!)).toEqual(['Row0', '(4.7)', 'Ref.']);
    expect(texts(chunks[3]!)).toEqual(['Row3', '(9.6)', '2.5']);
  });

  it('keeps a unit printed after every value ("40 years") in one column', () => {
    const lines = [40, 41, 42, 43].map((n, i) => [
      chunk(`${n} years`, 0, i * 14),
      chunk(String(1000 + n), 100, i * 14),
    ]);
    const { edges, chunks } = splitTightColumns(
      lines,
      lines.map(() => true),
      [0, 80, 130],
    );
    expect(edges).toEqual([0, 80, 130]);
    expect(texts(chunks[0]!)).toEqual(['40years', '1040']);
  });

  it('keeps left-aligned labels whose words happen not to line up', () => {
    const labels = ['Male', 'White non Hispanic', 'Asian or Pacific', 'Black'];
    const lines = labels.map((t, i) => [chunk(t, 0, i * 14), chunk('12', 120, i * 14)]);
    const { edges } = splitTightColumns(
      lines,
      lines.map(() => true),
      [0, 110, 140],
    );
    expect(edges).toEqual([0, 110, 140]);
  });
});
