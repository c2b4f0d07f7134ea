import { describe, expect, it } from 'vitest';
import type { Ruling } from '../src/model.ts';
import { decodeImage } from '../src/ocr/decode-image.ts';
import { detectRulings } from '../src/ocr/rulings.ts';
import {
  COLUMN_WIDTHS,
  drawSealedTableJpeg,
  drawTable,
  ORIGIN,
  ROW_HEIGHT,
  TABLE_ROWS,
} from './fixtures/ocr/draw-table.ts';

const centre = (r: Ruling) => (r.orientation === 'h' ? (r.top + r.bottom) / 2 : (r.x0 + r.x1) / 2);

/** Borders as drawn (3 px strokes centred on these coordinates), independent of the detector. */
const ROWS = Array.from({ length: TABLE_ROWS.length + 1 }, (_, i) => ORIGIN.y + i * ROW_HEIGHT);
const COLS = [
  ORIGIN.x,
  ...COLUMN_WIDTHS.map((_, i) => ORIGIN.x + COLUMN_WIDTHS.slice(0, i + 1).reduce((a, b) => a + b)),
];

/** The rulings are exactly the drawn borders, each within 2 px, horizontal ones spanning the table. */
function expectTableBorders(rulings: Ruling[]): void {
  const h = rulings.filter((r) => r.orientation === 'h');
  const v = rulings.filter((r) => r.orientation === 'v');
  expect(h).toHaveLength(ROWS.length);
  expect(v).toHaveLength(COLS.length);
  const ys = h.map(centre).sort((p, q) => p - q);
  const xs = v.map(centre).sort((p, q) => p - q);
  for (const [i, y] of ys.entries()) expect(Math.abs(y - ROWS[i]!)).toBeLessThanOrEqual(2);
  for (const [i, x] of xs.entries()) expect(Math.abs(x - COLS[i]!)).toBeLessThanOrEqual(2);
  for (const r of h) expect(r.x1 - r.x0).toBeGreaterThan(COLS.at(-1)! - COLS[0]! - 4);
}

describe('pixel rulings under a red seal', () => {
  it('finds exactly the drawn table borders through a seal stamped over them, after JPEG', async () => {
    const [page] = await decodeImage('sealed.jpg', 'image/jpeg', await drawSealedTableJpeg());
    expectTableBorders(detectRulings(page!.image));
  });

  it('takes neither a column nor a thicker border from dark seal rings, as a grey scan keeps them', () => {
    const image = drawTable();
    // Rings of 100–150 px radius (a 4 cm seal at 200–300 DPI), 5–9 px strokes, touching the top and bottom borders.
    for (const [cx, cy, radius, stroke, grey] of [
      [1000, 220, 150, 9, 90],
      [600, 200, 120, 6, 60],
      [300, 260, 100, 5, 40],
    ] as const) {
      for (let y = 0; y < image.height; y += 1) {
        for (let x = 0; x < image.width; x += 1) {
          const d = Math.hypot(x - cx, y - cy);
          const at = y * image.width + x;
          if (d <= radius && d >= radius - stroke) image.data[at] = Math.min(image.data[at]!, grey);
        }
      }
    }
    expectTableBorders(detectRulings(image));
  });

  it('keeps a ruling broken on its first row whole, so a short stroke touching it is not a border', () => {
    const width = 400;
    const height = 300;
    const mask = new Uint8Array(width * height);
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y <= y1; y += 1) mask.fill(1, y * width + x0, y * width + x1 + 1);
    };
    for (const y of [50, 150, 250]) ink(20, 380, y, y + 2);
    for (const x of [20, 200, 378]) ink(x, x + 2, 50, 252);
    mask.fill(0, 150 * width + 280, 150 * width + 286); // a faded spot on the middle border's top row
    ink(320, 321, 118, 152); // an upright glyph stroke (seal text) resting on that border, right of the spot
    const image = { width, height, data: new Uint8Array(width * height).fill(255) };
    const rulings = detectRulings(image, mask);
    const h = rulings.filter((r) => r.orientation === 'h');
    const v = rulings.filter((r) => r.orientation === 'v');
    expect(h.map(centre)).toEqual([51.5, 151.5, 251.5]);
    expect(h.every((r) => r.x0 === 20 && r.x1 === 381)).toBe(true);
    expect(v.map(centre)).toEqual([21.5, 201.5, 379.5]);
  });
});
