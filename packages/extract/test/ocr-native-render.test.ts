import { describe, expect, it } from 'vitest';
import { hasPoppler, parseImageList, parsePpm, withListedImages, withPoppler } from '../src/ocr/native-render.ts';
import { openPathSummaries, openPdfRaster } from '../src/ocr/render.ts';
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

describe.skipIf(!hasPoppler('pdftoppm'))('pdftoppm pages', () => {
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
    const native = withPoppler('scan.pdf', bytes, await openPdfRaster('scan.pdf', bytes), { render: true });
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
    const native = withPoppler('one-page.pdf', bytes, await openPdfRaster('one-page.pdf', bytes), { render: true });
    try {
      await expect(native.render(5, 100)).rejects.toThrow(/one-page\.pdf.*page 5: pdftoppm failed/);
    } finally {
      await native.close();
    }
  });
});

describe('pdfimages listing', () => {
  const LISTING = [
    'page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio',
    '--------------------------------------------------------------------------------------------',
    '   1     0 image    1654  2339  rgb     3   8  jpeg   no         8  0   200   200  330K 2.9%',
    '   2     1 image     300   100  gray    1   8  image  no        12  0   150   150 1024B 3.4%',
    '   2     2 smask     300   100  gray    1   8  image  no        13  0   150   150  120B 0.4%',
  ].join('\n');

  it('keeps image rows with their size and resolution, not soft masks', () => {
    expect(parseImageList(LISTING)).toEqual([
      { page: 1, width: 1654, height: 2339, xPpi: 200, yPpi: 200 },
      { page: 2, width: 300, height: 100, xPpi: 150, yPpi: 150 },
    ]);
  });

  it('turns listed images into the page share they cover and the scan resolution', () => {
    // 1654 × 2339 px at 200 ppi is 595.4 × 842.0 pt: the whole of an A4 page (595.28 × 841.89 pt).
    const [scan, logo] = parseImageList(LISTING);
    const a4 = 595.28 * 841.89;
    const page1 = withListedImages({ largestImage: 0, images: 0, paths: 3 }, [scan!], a4);
    expect(page1).toEqual({ largestImage: 1, images: 1, paths: 3, imageDpi: 200 });
    // 300 × 100 px at 150 ppi is 144 × 48 pt.
    const page2 = withListedImages({ largestImage: 0, images: 0, paths: 0 }, [logo!], a4);
    expect(page2.largestImage).toBeCloseTo((144 * 48) / a4, 9);
  });
});

describe.skipIf(!hasPoppler('pdfimages'))('drawing summaries from pdfimages', () => {
  it('agree with pdf.js decoding the page, without decoding it', async () => {
    const clean = await buildPdf([{ kind: 'table', rows: budgetRows(8), ruled: true }]);
    const jpeg = await scanPdfPage(clean, 1, { seed: 8, dpi: 150, angle: 0, blur: 1, noise: 3, quality: 70 });
    const bytes = await buildPdf([
      { kind: 'image', jpeg },
      { kind: 'table', rows: budgetRows(9), ruled: true },
    ]);
    const js = await openPdfRaster('mixed.pdf', bytes);
    const listed = withPoppler('mixed.pdf', bytes, await openPdfRaster('mixed.pdf', bytes), {
      render: false,
      paths: await openPathSummaries('mixed.pdf', bytes),
    });
    try {
      for (const page of [1, 2]) {
        const [a, b] = [await js.drawing(page), await listed.drawing(page)];
        expect({ ...b, largestImage: Math.round(b.largestImage * 100) }).toEqual({
          ...a,
          largestImage: Math.round(a.largestImage * 100),
        });
      }
      expect((await listed.drawing(1)).imageDpi).toBe(150);
    } finally {
      await js.close();
      await listed.close();
    }
  });
});
