import { describe, expect, it, vi } from 'vitest';
import { ocrPdf } from '../src/ocr/ocr-pdf.ts';
import { extractPdf } from '../src/pdf/index.ts';
import { buildPdf } from './fixtures/ocr/budget-pdf.ts';
import { budgetRows } from './fixtures/ocr/budget-table.ts';

// Watch the OCR path's entry point (the real one still runs when called).
vi.mock('../src/ocr/ocr-pdf.ts', async (original) => {
  const real = await original<typeof import('../src/ocr/ocr-pdf.ts')>();
  return { ...real, ocrPdf: vi.fn(real.ocrPdf) };
});

const source = (bytes: Uint8Array) => ({
  path: 'report.pdf',
  name: 'report.pdf',
  sha256: '0'.repeat(64),
  bytes: bytes.length,
  mediaType: 'application/pdf' as const,
  pages: 0,
});

describe('born-digital PDFs with a cover and a blank page', () => {
  it('keep their text-layer tables and are not sent to OCR', async () => {
    const rows = budgetRows(3);
    const table = { kind: 'table' as const, rows, ruled: true };
    const plain = await buildPdf([table]);
    // A cover with a few characters and an empty page: both have under 20 glyphs.
    const padded = await buildPdf([
      { kind: 'narrative', lines: ['2024年度部门决算'] },
      table,
      { kind: 'narrative', lines: [] },
    ]);
    const [a, b] = [await extractPdf(source(plain), plain), await extractPdf(source(padded), padded)];
    expect(ocrPdf).not.toHaveBeenCalled();
    expect(b.warnings).toEqual([]);
    expect(b.source.pages).toBe(3);
    const cells = (doc: typeof a) => doc.tables.flatMap((t) => t.cells.map((c) => [c.row, c.col, c.text]));
    expect(b.tables.map((t) => t.method)).toEqual(a.tables.map((t) => t.method));
    expect(b.tables.every((t) => t.method !== 'ocr')).toBe(true);
    expect(cells(b)).toEqual(cells(a));
    expect(b.text.filter((l) => l.page === 1).map((l) => l.text)).toEqual(['2024年度部门决算']);
  });
});
