/** Which pages go to OCR, and the image decoding in front of it. No recognition runs here (fast). */
import { deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../src/model.ts';
import { declaredDpi, decodeImage, plausibleDpi } from '../src/ocr/decode-image.ts';
import { decideOcr, garbageRatio, inkOutside, pageNeedsOcr } from '../src/ocr/needs-ocr.ts';
import { cropCell } from '../src/ocr/ocr-page.ts';
import { greyFromRgba } from '../src/ocr/raster.ts';
import { openPdfRaster, type PdfRaster, summariseDrawing } from '../src/ocr/render.ts';
import { openPdf } from '../src/pdf/document.ts';
import { buildPdf } from './fixtures/ocr/budget-pdf.ts';
import { budgetRows } from './fixtures/ocr/budget-table.ts';
import { scanPdfPage } from './fixtures/ocr/scan.ts';

const glyph = (ch: string) => ({ ch });
const noImages = { largestImage: 0, images: 0, paths: 40 };

describe('decideOcr', () => {
  it('keeps born-digital text without drawing the page', () => {
    expect(decideOcr({ glyphs: [...'收入支出决算总表'].map(glyph) } as never, noImages).needed).toBe(false);
  });

  it('sends unmapped or private-use glyphs to OCR', () => {
    const garbage = [...'\ue001\ue002\ue003\ufffd合计'].map(glyph);
    expect(garbageRatio(garbage)).toBeCloseTo(4 / 6);
    const verdict = decideOcr({ glyphs: garbage } as never, noImages);
    expect(verdict).toEqual({ needed: true, reason: 'text layer is 67% unmapped glyphs' });
  });

  it('sends a page with no text but visible ink to OCR, and leaves a blank page alone', () => {
    const image = { largestImage: 1, images: 1, paths: 0 };
    expect(decideOcr({ glyphs: [] } as never, image, { ink: 0.05, outside: 1 }).reason).toBe('no text layer');
    expect(decideOcr({ glyphs: [] } as never, image, { ink: 0.0001, outside: 1 }).needed).toBe(false);
  });

  it('leaves alone a page whose only ink is its own ruling lines (an empty table row run over)', () => {
    const rules = { largestImage: 0, images: 0, paths: 22 };
    // All ink lies on the page's vector segments (boxes padded 1.5 pt): nothing there to read.
    expect(decideOcr({ glyphs: [] } as never, rules, { ink: 0.004, outside: 0.02 })).toEqual({
      needed: false,
      reason: 'only ruling lines',
    });
    // Ink away from the lines (text drawn as an image or as outlines) still goes to OCR.
    expect(decideOcr({ glyphs: [] } as never, rules, { ink: 0.004, outside: 0.4 }).reason).toBe('no text layer');
  });

  it('sends a page to OCR when an image fills it and the text layer covers little of what is visible', () => {
    const glyphs = [...'第一部分'].map(glyph);
    const scan = { largestImage: 0.98, images: 1, paths: 0 };
    expect(decideOcr({ glyphs } as never, scan, { ink: 0.06, outside: 0.8 }).reason).toBe(
      'page is one image (text covers 20%)',
    );
    // A map or chart filling 60% of a page that has a text layer stays born-digital.
    const map = { largestImage: 0.6, images: 1, paths: 0 };
    expect(decideOcr({ glyphs } as never, map, { ink: 0.06, outside: 0.97 }).needed).toBe(false);
    // A scanned page whose OCR layer covers its text is read from that layer.
    expect(decideOcr({ glyphs } as never, scan, { ink: 0.06, outside: 0.3 }).needed).toBe(false);
  });

  it('never OCRs a born-digital page for a figure or photo on it', () => {
    const glyphs = [...'图1 部门支出结构'].map(glyph);
    const figure = { largestImage: 0.3, images: 1, paths: 10 };
    expect(decideOcr({ glyphs } as never, figure, { ink: 0.2, outside: 0.9 }).needed).toBe(false);
    expect(
      decideOcr(
        { glyphs: glyphs.slice(0, 3) } as never,
        { largestImage: 0, images: 0, paths: 900 },
        { ink: 0.1, outside: 0.9 },
      ).reason,
    ).toBe('text drawn as outlines');
  });

  it('measures ink outside text boxes in points', () => {
    // 72 DPI: one pixel per point. Ink at x 0–9 (covered by the box) and x 20–29 (not).
    const data = new Uint8Array(40 * 10).fill(255);
    for (let y = 0; y < 10; y += 1) for (const x0 of [0, 20]) data.fill(0, y * 40 + x0, y * 40 + x0 + 10);
    const box = { x0: 0, top: 0, x1: 10, bottom: 10 };
    const result = inkOutside({ width: 40, height: 10, data }, 72, [box], 0);
    expect(result.ink).toBeCloseTo(0.5);
    expect(result.outside).toBeCloseTo(0.5);
  });
});

/** Count renders, to prove born-digital pages are never drawn. */
function counting(raster: PdfRaster): PdfRaster & { renders: number[] } {
  const renders: number[] = [];
  return {
    ...raster,
    renders,
    render: (page, dpi) => {
      renders.push(page);
      return raster.render(page, dpi);
    },
  };
}

describe('summariseDrawing', () => {
  // pdf.js operator codes, as pdfjs-dist's OPS numbers them.
  const ops = {
    save: 10,
    restore: 11,
    transform: 12,
    paintFormXObjectBegin: 74,
    paintFormXObjectEnd: 75,
    constructPath: 91,
    paintImageXObject: 85,
  };
  const letter = 612 * 792;

  it('applies a form XObject matrix (a typed array, as pdf.js passes it) to the images drawn inside the form', () => {
    const fn = [ops.constructPath, ops.paintFormXObjectBegin, ops.save, ops.transform, ops.paintImageXObject];
    const args: unknown[] = [
      null,
      [new Float32Array([2, 0, 0, 2, 0, 0]), null],
      null,
      [300, 0, 0, 400, 0, 0],
      ['img_p0_1', 2480, 3300],
    ];
    fn.push(ops.restore, ops.paintFormXObjectEnd, ops.save, ops.transform, ops.paintImageXObject, ops.restore);
    args.push(null, null, null, [100, 0, 0, 100, 0, 0], ['img_p0_2', 100, 100], null);
    const summary = summariseDrawing(fn, args, ops, letter);
    // Inside the form the image is 600 × 800 pt: 480000 / 484704 of the page; 2480 px over 600 pt = 297.6 DPI.
    expect(summary.images).toBe(2);
    expect(summary.paths).toBe(1);
    expect(summary.largestImage).toBeCloseTo(480000 / 484704, 10);
    expect(summary.imageDpi).toBe(298);
  });
});

describe('pageNeedsOcr on real PDFs', () => {
  it('draws no page to decide, and reads the scan resolution from the drawing', async () => {
    const rows = budgetRows(11);
    const clean = await buildPdf([{ kind: 'table', rows, ruled: true }]);
    const jpeg = await scanPdfPage(clean, 1, { seed: 3, dpi: 150, angle: 0.4, blur: 1, noise: 4, quality: 70 });
    const bytes = await buildPdf([
      { kind: 'table', rows, ruled: true },
      { kind: 'narrative', lines: ['第一部分 部门概况'] },
      { kind: 'image', jpeg },
    ]);
    const pdf = await openPdf('mixed.pdf', bytes);
    const raster = counting(await openPdfRaster('mixed.pdf', bytes));
    try {
      const verdicts = [];
      for (let p = 1; p <= 3; p += 1) verdicts.push(await pageNeedsOcr(await pdf.readPage(p), raster));
      expect(verdicts.map((v) => v.needed)).toEqual([false, false, true]);
      expect(verdicts[2]!.reason).toBe('no text layer');
      // 150 DPI scan: A4 width 8.27 in → 1240 px.
      expect(verdicts[2]!.scanDpi).toBeGreaterThanOrEqual(149);
      expect(verdicts[2]!.scanDpi).toBeLessThanOrEqual(151);
      // Born-digital pages are not drawn, and a page that is one image with no text needs no drawing to tell.
      expect(raster.renders).toEqual([]);
    } finally {
      await raster.close();
      await pdf.close();
    }
  }, 60_000);
});

/** A little-endian TIFF, one strip per page, black-is-zero grey. */
function tiff(
  pages: { width: number; height: number; bits: number; compression: number; strip: Uint8Array }[],
): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x49, 0x49, 42, 0, 0, 0, 0, 0])];
  let offset = 8;
  const ifdOffsets: number[] = [];
  const stripOffsets: number[] = [];
  for (const page of pages) {
    stripOffsets.push(offset);
    parts.push(Buffer.from(page.strip));
    offset += page.strip.length;
  }
  const ifds: Buffer[] = [];
  pages.forEach((page, i) => {
    const entries: [number, number, number][] = [
      [256, 3, page.width],
      [257, 3, page.height],
      [258, 3, page.bits],
      [259, 3, page.compression],
      [262, 3, 1],
      [273, 4, stripOffsets[i]!],
      [277, 3, 1],
      [278, 3, page.height],
      [279, 4, page.strip.length],
    ];
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, value], k) => {
      ifd.writeUInt16LE(tag, 2 + k * 12);
      ifd.writeUInt16LE(type, 4 + k * 12);
      ifd.writeUInt32LE(1, 6 + k * 12);
      if (type === 3) ifd.writeUInt16LE(value, 10 + k * 12);
      else ifd.writeUInt32LE(value, 10 + k * 12);
    });
    ifdOffsets.push(offset);
    offset += ifd.length;
    ifds.push(ifd);
  });
  for (const [i, ifd] of ifds.entries()) ifd.writeUInt32LE(ifdOffsets[i + 1] ?? 0, ifd.length - 4);
  const out = Buffer.concat([...parts, ...ifds]);
  out.writeUInt32LE(ifdOffsets[0]!, 4);
  return new Uint8Array(out);
}

describe('image decoding', () => {
  const grey = new Uint8Array([0, 40, 80, 120, 160, 200, 240, 255, 10, 20, 30, 40]); // 4 × 3

  it('reads uncompressed, PackBits and Deflate grey TIFF pages and 1-bit pages', async () => {
    // PackBits: a literal run of 12 bytes is header 11 then the bytes.
    const packbits = new Uint8Array([11, ...grey]);
    // 1-bit, black-is-zero: row 0 = 1010 → 255,0,255,0; padded to a byte per row.
    const bits = new Uint8Array([0b10100000, 0b01010000]);
    const file = tiff([
      { width: 4, height: 3, bits: 8, compression: 1, strip: grey },
      { width: 4, height: 3, bits: 8, compression: 32773, strip: packbits },
      { width: 4, height: 3, bits: 8, compression: 8, strip: new Uint8Array(deflateSync(grey)) },
      { width: 4, height: 2, bits: 1, compression: 1, strip: bits },
    ]);
    const pages = await decodeImage('scan.tif', 'image/tiff', file);
    expect(pages).toHaveLength(4);
    for (const p of pages.slice(0, 3)) expect([...p.image.data]).toEqual([...grey]);
    expect([...pages[3]!.image.data]).toEqual([255, 0, 255, 0, 0, 255, 0, 255]);
  });

  it('names the file and what to do for TIFF compressions it cannot read', async () => {
    const file = tiff([{ width: 4, height: 3, bits: 1, compression: 4, strip: new Uint8Array(4) }]);
    const error = await decodeImage('fax.tif', 'image/tiff', file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).message).toBe(
      'fax.tif: TIFF compression CCITT G4 fax is not supported; convert the scan to PNG (e.g. tiff2png) and retry',
    );
    await expect(decodeImage('x.png', 'image/png', new Uint8Array([1, 2, 3]))).rejects.toThrow(
      /^x\.png: cannot decode/,
    );
  });

  it('takes the declared resolution of a PNG, else guesses it from an A4 page', async () => {
    const canvas = createCanvas(827, 1169); // A4 at 100 DPI
    const png = new Uint8Array(canvas.toBuffer('image/png'));
    expect(declaredDpi(png)).toBeUndefined();
    const [page] = await decodeImage('page.png', 'image/png', png);
    expect(page!.dpi).toBe(100);
    expect(plausibleDpi(299.9994, 10, 10)).toBe(300);
    expect(plausibleDpi(72, 2480, 3508)).toBe(300);
  });

  it('turns red seals into paper and keeps black ink', () => {
    const rgba = new Uint8Array([220, 120, 120, 255, 20, 20, 20, 255, 120, 30, 30, 255]);
    const image = greyFromRgba(rgba, 3, 1);
    expect(image.data[0]).toBe(220); // light seal stroke → near paper
    expect(image.data[1]).toBe(20); // ink
    expect(image.data[2]).toBe(120); // ink under the seal stays darker than paper
  });

  it('cuts a cell (points) out of a page image with a white margin', () => {
    const data = new Uint8Array(300 * 300).fill(0);
    const crop = cropCell({ width: 300, height: 300, data }, 144, { x0: 10, top: 10, x1: 60, bottom: 30 }, 0);
    // 144 DPI: 2 px per point → 100 × 40 ink plus a 12 px margin on each side.
    expect(crop.width).toBe(124);
    expect(crop.height).toBe(64);
    expect(crop.data[0]).toBe(255);
    expect(crop.data[12 * 124 + 12]).toBe(0);
  });
});
