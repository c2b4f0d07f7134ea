/**
 * End to end on a scanned page: a born-digital narrative page plus one page that is a degraded scan of the
 * generated budget table (200 DPI, 0.6° turn, blur, noise, JPEG q60, a red seal over the amounts). One page is
 * OCR'd. Amounts, codes and names are checked against the generator's truth, never against earlier output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdf } from '../src/extract-file.ts';
import type { ExtractedDocument } from '../src/model.ts';
import { buildPdf } from './fixtures/ocr/budget-pdf.ts';
import { budgetRows } from './fixtures/ocr/budget-table.ts';
import { scanPdfPage } from './fixtures/ocr/scan.ts';
import { type Score, scoreTable } from './fixtures/ocr/score.ts';

const rows = budgetRows(7);
const narrative = { kind: 'narrative' as const, lines: ['第一部分 部门概况', '一、主要职能'] };
let doc: ExtractedDocument;
const progress: { done: number; total: number; page: number }[] = [];

beforeAll(async () => {
  const clean = await buildPdf([{ kind: 'table', rows, ruled: true }]);
  const jpeg = await scanPdfPage(clean, 1, {
    seed: 7,
    dpi: 200,
    angle: 0.6,
    blur: 1,
    noise: 6,
    quality: 60,
    seal: { x: 0.78, y: 0.62 },
  });
  const bytes = await buildPdf([narrative, { kind: 'image', jpeg }]);
  const source = {
    path: 'scanned.pdf',
    name: 'scanned.pdf',
    sha256: '0'.repeat(64),
    bytes: bytes.length,
    mediaType: 'application/pdf' as const,
    pages: 0,
  };
  // The public PDF entry point: it must route the scanned page to OCR by itself.
  doc = await extractPdf(source, bytes, { ocr: { onProgress: (p) => progress.push(p) } });
}, 240_000);

describe('extractPdf on a mixed document (one scanned page)', () => {
  it('OCRs only the scanned page, at the scan resolution, and says so', () => {
    expect(doc.source.pages).toBe(2);
    expect(doc.warnings).toEqual(['page 2: OCR at 200 DPI (no text layer, straightened -0.6°)']);
    expect(progress).toEqual([{ done: 1, total: 1, page: 2 }]);
    // Page 1 came from its text layer.
    expect(doc.text.filter((l) => l.page === 1).map((l) => l.text)).toEqual(['第一部分部门概况', '一、主要职能']);
  });

  it('builds the ruled table from the scan with every wrong amount flagged', () => {
    const table = doc.tables.find((t) => t.nCols === 5 && t.nRows >= rows.length)!;
    expect(table.method).toBe('ocr');
    expect(table.pages).toEqual([2, 2]);
    const score: Score = scoreTable(table, rows);
    expect(score.amounts).toBe(69);
    // The seal covers a few amounts; what OCR and the arithmetic cannot settle must be flagged, never silent.
    expect(score.unflaggedWrong).toBe(0);
    expect(score.missing).toBe(0);
    expect(score.exact).toBeGreaterThanOrEqual(66);
    expect(score.codesRight).toBe(score.codes);
    expect(score.namesRight).toBeGreaterThanOrEqual(27);
  });

  it('gives OCR cells a confidence and records repairs in notes', () => {
    const table = doc.tables.find((t) => t.method === 'ocr' && t.nCols === 5)!;
    const amounts = table.cells.filter((c) => !c.header && c.col >= 2 && c.text !== '');
    expect(amounts.every((c) => c.confidence >= 0 && c.confidence <= 1)).toBe(true);
    // Notes say what happened to a reading: cleaned, repaired by the arithmetic, re-read, or still unverified.
    for (const note of table.cells.flatMap((c) => c.notes ?? [])) {
      expect(note).toMatch(/^ocr-(cleaned|repaired|reread|unverified)/);
    }
    // Provenance: page 2, boxes in points inside the A4 page.
    for (const c of amounts) {
      expect(c.provenance.page).toBe(2);
      expect(c.provenance.box!.x1).toBeLessThanOrEqual(596);
      expect(c.provenance.box!.bottom).toBeLessThanOrEqual(842);
    }
  });
});
