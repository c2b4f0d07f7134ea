/**
 * extractImage on a JPEG scan of the unruled budget table (300 DPI, turned −1.1°, blur, noise, JPEG q70): the
 * table comes from word alignment (the stream path), boxes in image pixels. One page is OCR'd; the truth is
 * the generator's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../src/model.ts';
import { extractImage } from '../src/ocr/index.ts';
import { buildPdf } from './fixtures/ocr/budget-pdf.ts';
import { budgetRows } from './fixtures/ocr/budget-table.ts';
import { scanPdfPage } from './fixtures/ocr/scan.ts';
import { scoreTable } from './fixtures/ocr/score.ts';

const rows = budgetRows(21);
let doc: ExtractedDocument;

beforeAll(async () => {
  const clean = await buildPdf([{ kind: 'table', rows, ruled: false }]);
  const jpeg = await scanPdfPage(clean, 1, { seed: 21, dpi: 300, angle: -1.1, blur: 1, noise: 5, quality: 70 });
  const source = {
    path: 'scan.jpg',
    name: 'scan.jpg',
    sha256: '0'.repeat(64),
    bytes: jpeg.length,
    mediaType: 'image/jpeg' as const,
    pages: 0,
  };
  doc = await extractImage(source, jpeg);
}, 240_000);

describe('extractImage on an unruled scanned table', () => {
  it('finds the table by word alignment with its amounts proven or flagged', () => {
    expect(doc.source.pages).toBe(1);
    const table = doc.tables.find((t) => t.nCols === 5 && t.nRows >= rows.length)!;
    expect(table.method).toBe('ocr');
    const score = scoreTable(table, rows);
    expect(score.unflaggedWrong).toBe(0);
    expect(score.missing).toBe(0);
    expect(score.exact / score.amounts).toBeGreaterThanOrEqual(0.95);
    expect(score.codesRight).toBe(score.codes);
  });

  it('reports boxes in image pixels (300 DPI guessed from the A4 page size)', () => {
    const table = doc.tables.find((t) => t.nCols === 5)!;
    // The table spans x 30–565 pt on the page: 125–2354 px at 300 DPI.
    expect(table.box!.x0).toBeGreaterThan(100);
    expect(table.box!.x1).toBeGreaterThan(2000);
    expect(table.box!.x1).toBeLessThan(2480);
  });
});
