import { describe, expect, it } from 'vitest';
import { hasPdftoppm, parsePpm, withPdftoppm } from '../src/ocr/native-render.ts';
import { openPdfRaster } from '../src/ocr/render.ts';
import { buildPdf } from './fixtures/ocr/budget-pdf.ts';
import { budgetRows } from './fixtures/ocr/budget-table.ts';
import { scanPdfPage } from './fixtures/ocr/scan.ts';

describe('parsePpm', () => {
  it('turns black, white and a red seal pixel into grey (the seal fades to paper)', () => {
    const header = new TextEncoder().encode('P6\n3 1\n255\n');
    const bytes = new Uint8Array([...header, 0, 0, 0, 255, 255, 255, 230, 40, 40]);
    // Red pixels take their red channel (230); black and white keep their luminance.
    expect(parsePpm(bytes)).toEqual({ width: 3, height: 1, data: new Uint8Array([0, 255, 230]) });
  });

  it('refuses a truncated or grey pixmap with the reason', () => {
    const short = new Uint8Array([...new TextEncoder().encode('P6\n3 1\n255\n'), 0, 0, 0]);
    expect(() => parsePpm(short)).toThrow(/not an 8-bit binary PPM/);
    expect(() => parsePpm(new TextEncoder().encode('P5\n1 1\n255\n\0'))).toThrow(/P5 1 1 255/);
  });
});

describe.skipIf(!hasPdftoppm())('pdftoppm pages', () => {
  it('match pdf.js pages in size and ink, with the seal faded the same way', async () => {
    const clean = await buildPdf([{ kind: 'table', rows: budgetRows(7), ruled: true }]);
    const jpeg = await scanPdfPage(clean, 1, {
      seed: 7,
      dpi: 200,
      angle: 0.5,
      blur: 1,
      noise: 5,
      quality: 70,
      seal: { x: 0.75, y: 0.5 },
    });
    const bytes = await buildPdf([{ kind: 'image', jpeg }]);
    const js = await openPdfRaster('scan.pdf', bytes);
    const native = withPdftoppm('scan.pdf', bytes, await openPdfRaster('scan.pdf', bytes));
    try {
      const [a, b] = [await js.render(1, 200), await native.render(1, 200)];
      expect([b.width, b.height]).toEqual([a.width, a.height]);
      // Two rasterisers scale the scan slightly differently; on average they agree within a few grey levels.
      let diff = 0;
      for (let i = 0; i < a.data.length; i += 1) diff += Math.abs(a.data[i]! - b.data[i]!);
      expect(diff / a.data.length).toBeLessThan(4);
    } finally {
      await js.close();
      await native.close();
    }
  });

  it('names the file and page when pdftoppm cannot draw it', async () => {
    const bytes = await buildPdf([{ kind: 'narrative', lines: ['一'] }]);
    const native = withPdftoppm('one-page.pdf', bytes, await openPdfRaster('one-page.pdf', bytes));
    try {
      await expect(native.render(5, 100)).rejects.toThrow(/one-page\.pdf.*page 5: pdftoppm failed/);
    } finally {
      await native.close();
    }
  });
});
