import { describe, expect, it } from 'vitest';
import type { Ruling } from '../src/model.ts';
import { decodeImage } from '../src/ocr/decode-image.ts';
import { detectRulings } from '../src/ocr/rulings.ts';
import { COLUMN_WIDTHS, drawSealedTableJpeg, ORIGIN, ROW_HEIGHT, TABLE_ROWS } from './fixtures/ocr/draw-table.ts';

const centre = (r: Ruling) => (r.orientation === 'h' ? (r.top + r.bottom) / 2 : (r.x0 + r.x1) / 2);

describe('pixel rulings under a red seal', () => {
  it('finds exactly the drawn table borders through a seal stamped over them, after JPEG', async () => {
    const [page] = await decodeImage('sealed.jpg', 'image/jpeg', await drawSealedTableJpeg());
    const rulings = detectRulings(page!.image);
    // Borders as drawn (3 px strokes centred on these coordinates), independent of the detector.
    const rows = Array.from({ length: TABLE_ROWS.length + 1 }, (_, i) => ORIGIN.y + i * ROW_HEIGHT);
    const cols = COLUMN_WIDTHS.map((_, i) => ORIGIN.x + COLUMN_WIDTHS.slice(0, i + 1).reduce((a, b) => a + b, 0));
    cols.unshift(ORIGIN.x);
    const h = rulings.filter((r) => r.orientation === 'h').map(centre);
    const v = rulings.filter((r) => r.orientation === 'v').map(centre);
    expect(h).toHaveLength(rows.length);
    expect(v).toHaveLength(cols.length);
    for (const [i, y] of h.sort((a, b) => a - b).entries()) expect(Math.abs(y - rows[i]!)).toBeLessThanOrEqual(2);
    for (const [i, x] of v.sort((a, b) => a - b).entries()) expect(Math.abs(x - cols[i]!)).toBeLessThanOrEqual(2);
    for (const r of rulings.filter((o) => o.orientation === 'h')) expect(r.x1 - r.x0).toBeGreaterThan(1300);
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
