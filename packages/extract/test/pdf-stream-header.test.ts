import { describe, expect, it } from 'vitest';
import { findStreamTables } from '../src/pdf/stream.ts';
import { textLine as line } from './fixtures/pdf/word-glyphs.ts';

describe('findStreamTables header lines', () => {
  it('keeps two body columns apart when a header centred over the second straddles the gap between them', () => {
    // Body: a label at 0, a percentage at 100–125, a ratio at 150–165; the 25 pt gap 125–150 is a column gap.
    // Headers "(%)" at 100 and "Odds ratio" at 130–178 cross that gap (3 of 6 tabular lines: over the 10 % limit).
    const rows: [string, string, string][] = [
      ['Male', '(4.7)', '1.1'],
      ['Female', '(5.9)', '1.2'],
      ['Other', '(7.7)', '2.0'],
    ];
    const lines = [
      line(
        [
          ['Group', 0],
          ['Year 2007', 110],
        ],
        0,
      ),
      line(
        [
          ['(%)', 100],
          ['Odds ratio', 130],
        ],
        14,
      ),
      line(
        [
          ['Unit', 0],
          ['(CI)', 130],
        ],
        28,
      ),
      ...rows.map(([a, b, c], i) =>
        line(
          [
            [a, 0],
            [b, 100],
            [c, 150],
          ],
          42 + i * 14,
        ),
      ),
    ];
    const [grid] = findStreamTables(lines, 1, 600);
    expect(grid).toBeDefined();
    const at = (row: number, col: number) => grid!.cells.find((c) => c.row === row && c.col === col)?.text;
    const body = grid!.nRows - 3;
    expect(grid!.nCols).toBe(3);
    expect([0, 1, 2].map((c) => at(body, c))).toEqual(['Male', '(4.7)', '1.1']);
    expect([0, 1, 2].map((c) => at(body + 2, c))).toEqual(['Other', '(7.7)', '2.0']);
    // The overhanging header starts in the column most of it lies over.
    const headerTexts = grid!.cells.filter((c) => c.row < body && c.col === 2).map((c) => c.text);
    expect(headerTexts.join(' ')).toContain('Odds ratio');
  });

  it('keeps one table across lone row-label lines and the wider gap they leave', () => {
    // Rows every 12 pt; then three label-only lines ("Native" tail, a group heading, a subgroup) at 9–12 pt
    // pitch, so 35 pt of space separate the next row from the last: more than 3 line heights, yet one table.
    const row = (label: string, a: string, b: string, top: number) =>
      line(
        [
          [label, 0],
          [a, 150],
          [b, 250],
        ],
        top,
      );
    const lines = [
      line(
        [
          ['Group', 0],
          ['Count', 150],
          ['Share', 250],
        ],
        0,
      ),
      row('Asian', '4,050', '1.1', 12),
      row('Other', '707', '1.8', 24),
      line([['Native', 4]], 33),
      line([['By region', 0]], 45),
      line([['North', 4]], 57),
      row('East', '45,116', '2.1', 69),
      row('West', '7,086', '2.9', 81),
    ];
    const grids = findStreamTables(lines, 1, 600);
    expect(grids).toHaveLength(1);
    const texts = grids[0]!.cells.filter((c) => c.col === 0).map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['By region', 'North', 'East', 'West']));
  });
});
