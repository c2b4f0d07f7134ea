/**
 * Poppler's tools beside pdf.js, never required. `pdftoppm` is the page rasteriser of the native OCR path: it
 * decodes a scan's JPEG with libjpeg and writes raw pixels, several times less CPU than pdf.js's JavaScript JPEG
 * decoder and canvas. `pdfimages -list` tells each page's images and their resolution without decoding them,
 * for the check of which pages need OCR. Without Poppler, pdf.js does both as before.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentError } from '../model.ts';
import { type GreyImage, greyFromRgb } from './raster.ts';
import type { PageDrawing, PathSummaries, PdfRaster } from './render.ts';
import { runTool, type ToolError } from './run-tool.ts';

const available = new Map<string, boolean>();

/** True when the Poppler tool (pdftoppm, pdfimages) can be run here. */
export function hasPoppler(tool: 'pdftoppm' | 'pdfimages'): boolean {
  if (!available.has(tool)) available.set(tool, spawnSync(tool, ['-v'], { stdio: 'ignore' }).status === 0);
  return available.get(tool)!;
}

/** One image paint as `pdfimages -list` reports it: pixels and pixels per inch as drawn. */
export interface ListedImage {
  page: number;
  width: number;
  height: number;
  xPpi: number;
  yPpi: number;
}

/** Rows of `pdfimages -list` that are images (not soft masks or stencil masks' alpha). */
export function parseImageList(text: string): ListedImage[] {
  const out: ListedImage[] = [];
  for (const line of text.split('\n').slice(2)) {
    const f = line.trim().split(/\s+/);
    // page num type width height color comp bpc enc interp object-id x-ppi y-ppi size ratio
    if (f.length < 14 || f[2] !== 'image') continue;
    const [page, width, height, xPpi, yPpi] = [f[0], f[3], f[4], f[f.length - 4], f[f.length - 3]].map(Number);
    if ([page, width, height, xPpi, yPpi].every((n) => Number.isFinite(n) && n! > 0))
      out.push({ page: page!, width: width!, height: height!, xPpi: xPpi!, yPpi: yPpi! });
  }
  return out;
}

/** A page's drawing with its images taken from the list (share of `pageArea`, in pt², and resolution). */
export function withListedImages(paths: PageDrawing, images: readonly ListedImage[], pageArea: number): PageDrawing {
  const drawing: PageDrawing = { ...paths, images: images.length, largestImage: 0 };
  for (const image of images) {
    const area = ((image.width / image.xPpi) * 72 * (image.height / image.yPpi) * 72) / pageArea;
    if (area >= drawing.largestImage) {
      drawing.largestImage = Math.min(1, area);
      drawing.imageDpi = Math.round(Math.min(image.xPpi, image.yPpi));
    }
  }
  return drawing;
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

/** What to take from Poppler: page rendering (pdftoppm), and image sizes for drawing summaries (pdfimages). */
export interface PopplerUse {
  render: boolean;
  /** Summaries without images; with them, drawing() adds the images pdfimages lists. */
  paths?: PathSummaries;
}

/** Run a Poppler tool on the document; its failure becomes a DocumentError naming the page. */
function popplerRun(file: string, tool: string, args: string[], pageNo?: number): Promise<Buffer> {
  const where = pageNo === undefined ? '' : `page ${pageNo}: `;
  return runTool(tool, args).catch((error: ToolError) => {
    throw new DocumentError(
      file,
      error.code === undefined
        ? `${where}${tool} could not start (${error.detail})`
        : `${where}${tool} failed (${error.detail || `exit ${error.code}`})`,
    );
  });
}

/** `raster` with its pages drawn by pdftoppm and/or its drawing summaries' images listed by pdfimages. */
export function withPoppler(file: string, bytes: Uint8Array, raster: PdfRaster, use: PopplerUse): PdfRaster {
  let dir: string | undefined;
  const pdfPath = () => {
    if (!dir) {
      // Poppler reads a file; one copy per document, removed at close.
      dir = mkdtempSync(path.join(os.tmpdir(), 'ledgerlift-poppler-'));
      writeFileSync(path.join(dir, 'doc.pdf'), bytes);
    }
    return path.join(dir, 'doc.pdf');
  };
  let listed: Promise<Map<number, ListedImage[]>> | undefined;
  const imagesOf = async (pageNo: number) => {
    // One listing for the whole document: pdfimages reads no pixels, so this takes milliseconds.
    listed ??= popplerRun(file, 'pdfimages', ['-list', pdfPath()]).then((out) => {
      const byPage = new Map<number, ListedImage[]>();
      for (const image of parseImageList(out.toString('utf8')))
        byPage.set(image.page, [...(byPage.get(image.page) ?? []), image]);
      return byPage;
    });
    return (await listed).get(pageNo) ?? [];
  };
  const paths = use.paths;
  return {
    ...raster,
    ...(paths
      ? {
          async drawing(pageNo: number) {
            const [{ drawing, area }, images] = await Promise.all([paths.drawing(pageNo), imagesOf(pageNo)]);
            return withListedImages(drawing, images, area);
          },
        }
      : {}),
    ...(use.render
      ? {
          async render(pageNo: number, dpi: number) {
            // Colour, not -gray: the grey conversion must fade red seals the way greyFromRgba does.
            const args = ['-r', String(dpi), '-f', String(pageNo), '-l', String(pageNo), pdfPath()];
            const out = await popplerRun(file, 'pdftoppm', args, pageNo);
            try {
              return parsePpm(new Uint8Array(out));
            } catch (error) {
              throw new DocumentError(file, `page ${pageNo}: pdftoppm failed (${(error as Error).message})`);
            }
          },
        }
      : {}),
    async close() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      await paths?.close();
      await raster.close();
    },
  };
}
