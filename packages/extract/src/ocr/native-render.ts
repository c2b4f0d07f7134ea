/**
 * Poppler's `pdftoppm` as the page rasteriser of the native OCR path: it decodes a scan's JPEG with libjpeg and
 * writes raw pixels, several times less CPU than pdf.js's JavaScript JPEG decoder and canvas. Offered beside the
 * native tesseract engine, never required: without pdftoppm, pages are drawn by pdf.js as before.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentError } from '../model.ts';
import { type GreyImage, greyFromRgb } from './raster.ts';
import type { PdfRaster } from './render.ts';
import { runTool, type ToolError } from './run-tool.ts';

let available: boolean | undefined;

/** True when Poppler's pdftoppm can be run here. */
export function hasPdftoppm(): boolean {
  available ??= spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).status === 0;
  return available;
}

/** Parse a binary pixmap (P6, maxval 255) into grey with red seals faded, as pdf.js-drawn pages are. */
export function parsePpm(bytes: Uint8Array): GreyImage {
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4 && at < bytes.length) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at]!))) at += 1;
    let field = '';
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at]!))) field += String.fromCharCode(bytes[at++]!);
    fields.push(field);
  }
  const [magic, w, h, max] = fields;
  const width = Number(w);
  const height = Number(h);
  const data = bytes.subarray(at + 1, at + 1 + 3 * width * height);
  if (magic !== 'P6' || max !== '255' || !(width > 0 && height > 0) || data.length !== 3 * width * height) {
    throw new Error(`not an 8-bit binary PPM (${[magic, w, h, max].join(' ')})`);
  }
  return greyFromRgb(data, width, height);
}

/** `raster` with its pages drawn by pdftoppm (drawing summaries still come from pdf.js). */
export function withPdftoppm(file: string, bytes: Uint8Array, raster: PdfRaster): PdfRaster {
  let dir: string | undefined;
  const pdfPath = () => {
    if (!dir) {
      // pdftoppm reads a file; one copy per document, removed at close.
      dir = mkdtempSync(path.join(os.tmpdir(), 'ledgerlift-render-'));
      writeFileSync(path.join(dir, 'doc.pdf'), bytes);
    }
    return path.join(dir, 'doc.pdf');
  };
  return {
    ...raster,
    render(pageNo, dpi) {
      // Colour, not -gray: the grey conversion must fade red seals the way greyFromRgba does.
      const args = ['-r', String(dpi), '-f', String(pageNo), '-l', String(pageNo), pdfPath()];
      const failed = (reason: string) => new DocumentError(file, `page ${pageNo}: ${reason}`);
      return runTool('pdftoppm', args).then(
        (out) => {
          try {
            return parsePpm(new Uint8Array(out));
          } catch (error) {
            throw failed(`pdftoppm failed (${(error as Error).message})`);
          }
        },
        (error: ToolError) => {
          throw failed(
            error.code === undefined
              ? `pdftoppm could not start (${error.detail})`
              : `pdftoppm failed (${error.detail || `exit ${error.code}`})`,
          );
        },
      );
    },
    async close() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      await raster.close();
    },
  };
}
