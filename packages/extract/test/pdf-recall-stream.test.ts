import { describe, expect, it } from 'vitest';
import { tableRows } from '../src/pdf/grid.ts';
import { findLattices } from '../src/pdf/lattice.ts';
import { findStreamTables } from '../src/pdf/stream.ts';
import type { Segment } from '../src/pdf/types.ts';
import { textLine as line, wordGlyphs } from './fixtures/pdf/word-glyphs.ts';

/** A line of three words at x = 0, 100 and 200. */
const row = (a: string, b: string, c: string, top: number) =>
  line(
    [
      [a, 0],
      [b, 100],
      [c, 200],
    ],
    top,
  );

describe('ruled tables with open sides', () => {
  it('keeps the outer columns of a table ruled across its width but with verticals only between inner columns', () => {
    // Rules at y = 0, 20, 40, 60 from x = 0 to 300; verticals only at x = 100 and 200: three columns.
    const h: Segment[] = [0, 20, 40, 60].map((y) => ({ x0: 0, x1: 300, top: y, bottom: y, orientation: 'h' }));
    const v: Segment[] = [100, 200].map((x) => ({ x0: x, x1: x, top: 0, bottom: 60, orientation: 'v' }));
    const words: [string, number, number][] = [
      ['2000', 105, 5],
      ['2002', 205, 5],
      ['Alpha', 5, 25],
      ['1', 105, 25],
      ['2', 205, 25],
      ['Beta', 5, 45],
      ['3', 105, 45],
      ['4', 205, 45],
    ];
    const glyphs = words.flatMap(([t, x, top]) => wordGlyphs(t, x, top));
    const [table] = findLattices(h, v, glyphs, 1).grids;
    expect(tableRows(table!)).toEqual([
      ['', '2000', '2002'],
      ['Alpha', '1', '2'],
      ['Beta', '3', '4'],
    ]);
  });
});

describe('unruled table ends', () => {
  it('ends the table at its source line: a numbered heading below it is not a row', () => {
    // Rows every 14 pt; "Source: …" at 56; the heading "3.3  Measuring literacy" (two chunks 15 pt apart) at
    // 80 is within three line heights of the source line, so without the rule it would join as a row.
    const lines = [
      row('Answer', 'Freq.', 'Mean', 0),
      row('Kept', '344', '12196', 14),
      row('Sold some', '53', '23518', 28),
      row('Sold all', '61', '9187', 42),
      line([['Source: survey 2009.', 0]], 56),
      line(
        [
          ['3.3', 0],
          ['Measuring literacy', 30],
        ],
        80,
      ),
    ];
    const grids = findStreamTables(lines, 1, 600);
    expect(grids).toHaveLength(1);
    expect(grids[0]!.nRows).toBe(4);
    expect(grids[0]!.cells.some((c) => c.text.includes('Measuring'))).toBe(false);
  });

  it('keeps a header line led by a "Source" column head (no colon: not a source note)', () => {
    const lines = [
      row('Source', '1', '2', 0),
      row('Alpha study', '0.5', '0.7', 14),
      row('Beta study', '0.4', '0.6', 28),
      row('Gamma study', '0.3', '0.2', 42),
    ];
    const [grid] = findStreamTables(lines, 1, 600);
    expect(tableRows(grid!)[0]).toEqual(['Source', '1', '2']);
  });

  it('leaves the last line of the paragraph above out of the header', () => {
    // A paragraph line as wide as 0.6 of the 380 pt page (x 0–237) and its short last line 2 pt below at the same margin, then the
    // header row 4 pt lower: the short line is the paragraph's end, not a header line.
    const lines = [
      line([['This table shows the answers that people gave to us', 0]], 0),
      line([['and the losses.', 0]], 12),
      line(
        [
          ['Freq.', 100],
          ['Mean', 200],
        ],
        26,
      ),
      row('Kept', '344', '12196', 40),
      row('Sold some', '53', '23518', 54),
      row('Sold all', '61', '9187', 68),
    ];
    const grids = findStreamTables(lines, 1, 380);
    expect(grids).toHaveLength(1);
    const rows = tableRows(grids[0]!);
    expect(rows[0]).toEqual(['', 'Freq.', 'Mean']);
    expect(rows).toHaveLength(4);
  });
});

describe('unruled columns, ruled rows', () => {
  const rule = (y: number): Segment => ({ x0: 0, x1: 300, top: y, bottom: y, orientation: 'h' });

  it('keeps a wrapped label in its record when rules part the records', () => {
    // "Beta and" (20–30) wraps onto "more words" (32–42); rules at 17, 47 and 67 lie between the records.
    const lines = [
      row('Alpha total', '1', '2', 0),
      row('Beta and', '3', '4', 20),
      line([['more words', 0]], 32),
      row('Gamma', '5', '6', 52),
      row('Delta', '7', '8', 72),
    ];
    const [grid] = findStreamTables(lines, 1, 600, [-3, 17, 47, 67, 87].map(rule));
    expect(tableRows(grid!)).toEqual([
      ['Alpha total', '1', '2'],
      ['Beta and more words', '3', '4'],
      ['Gamma', '5', '6'],
      ['Delta', '7', '8'],
    ]);
  });

  it('keeps rows apart when the rules only frame the header and the total row', () => {
    // Rules under the first row (12), above the total (97) and around the table: seven records in three bands,
    // so the rules part no body rows and the row of dashes stays a row of its own.
    const lines = [
      row('Alpha', '1', '2', 0),
      row('Beta', '3', '4', 14),
      row('Gamma', '-', '-', 28),
      row('Delta', '5', '6', 42),
      row('Eps', '7', '8', 56),
      row('Zeta', '9', '10', 70),
      row('Eta', '11', '12', 84),
      row('Total', '36', '42', 100),
    ];
    const [grid] = findStreamTables(lines, 1, 600, [-3, 12, 97, 113].map(rule));
    expect(tableRows(grid!)).toContainEqual(['Gamma', '-', '-']);
    expect(grid!.nRows).toBe(8);
  });

  it('keeps the wrapped end of the last row label in the table', () => {
    // "open data sites" sits 2 pt under the last row at the table's left edge: wrapped text, not a new paragraph.
    const lines = [
      row('Alpha', '1', '2', 0),
      row('Beta', '3', '4', 14),
      row('Cities in North', '5', '6', 28),
      line([['open data sites', 0]], 40),
    ];
    const [grid] = findStreamTables(lines, 1, 600);
    expect(tableRows(grid!).at(-1)).toEqual(['open data sites', '', '']);
  });
});

describe('text tables side by side, each ruled across its own width', () => {
  it('reads them apart and keeps each ruled row whole, however many lines its cells take', () => {
    // Left table x 0–105 ruled from -2 to 140, right table x 160–265 ruled from 158 to 300, rules at the same
    // heights (-3, 17, 47, 100). No values anywhere, so the rules alone say where a row ends: "Kitty" wraps
    // the label of the Cat row, and three "tweet" lines under "Tweet" (x 90) finish the Bird row's last cell.
    const rules = [-3, 17, 47, 100].flatMap((y): Segment[] => [
      { x0: -2, x1: 140, top: y, bottom: y, orientation: 'h' },
      { x0: 158, x1: 300, top: y, bottom: y, orientation: 'h' },
    ]);
    const both = (l: [string, string, string], r: [string, string, string] | undefined, top: number) =>
      line(
        [
          [l[0], 0],
          [l[1], 50],
          [l[2], 90],
          ...(r
            ? ([
                [r[0], 160],
                [r[1], 210],
                [r[2], 250],
              ] as [string, number][])
            : []),
        ],
        top,
      );
    const lines = [
      both(['Animal', 'Act', 'Res'], ['Animal', 'Act', 'Res'], 0),
      both(['Cat', 'Says', 'Meow'], ['Dog', 'Says', 'Woof'], 20),
      line([['Kitty', 0]], 32),
      both(['Bird', 'Says', 'Tweet'], ['Fox', 'Says', 'Yip'], 50),
      ...[62, 74, 86].map((top) => line([['tweet', 90]], top)),
    ];
    const grids = findStreamTables(lines, 1, 600, rules);
    const tables = grids.map((g) => tableRows(g)).sort((a, b) => a[1]![0]!.localeCompare(b[1]![0]!));
    expect(tables).toEqual([
      [
        ['Animal', 'Act', 'Res'],
        ['Cat Kitty', 'Says', 'Meow'],
        ['Bird', 'Says', 'Tweet tweet tweet tweet'],
      ],
      [
        ['Animal', 'Act', 'Res'],
        ['Dog', 'Says', 'Woof'],
        ['Fox', 'Says', 'Yip'],
      ],
    ]);
  });
});
