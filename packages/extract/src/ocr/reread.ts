/**
 * A second look at amount cells: each cell cut from the page the recognizer saw and read as a line of its own
 * with a digit whitelist. Page-level reading collapses repeated digits (888991.74 → 8891.74) and picks up
 * specks; a digit-only read of the cell alone does not. The table's arithmetic then decides again.
 */
import { parseAmount } from '../common/amount.ts';
import type { Cell } from '../model.ts';
import type { OcrEngine } from './engine.ts';
import { cropCell, type PageGeometry } from './ocr-page.ts';
import type { GreyImage } from './raster.ts';

const DIGITS = '0123456789.,-';

/** How each page was prepared, and the prepared image itself (kept from the page pass or rebuilt). */
export interface PageSource {
  geometry: ReadonlyMap<number, PageGeometry>;
  prepared(page: number): Promise<GreyImage>;
}

/** A new reading for a cell, keyed `row:col`. */
export interface Reading {
  text: string;
  confidence: number;
}

/** Crops stacked into one image, a blank band between them, with each crop's vertical range. */
export function stackCrops(crops: readonly GreyImage[]): { image: GreyImage; ranges: [number, number][] } {
  const width = Math.max(1, ...crops.map((c) => c.width));
  const gap = Math.max(8, ...crops.map((c) => Math.round(c.height / 2)));
  const height = crops.reduce((h, c) => h + c.height + gap, gap);
  const data = new Uint8Array(width * height).fill(255);
  const ranges: [number, number][] = [];
  let y = gap;
  for (const crop of crops) {
    for (let row = 0; row < crop.height; row += 1) {
      data.set(crop.data.subarray(row * crop.width, (row + 1) * crop.width), (y + row) * width);
    }
    ranges.push([y, y + crop.height]);
    y += crop.height + gap;
  }
  return { image: { width, height, data }, ranges };
}

/** How to read cells again, and which readings to keep. */
export interface RereadKind {
  whitelist?: string;
  langs?: readonly string[];
  accept(text: string): boolean;
}

/** Amount cells: digits only, read with the English model alone (smaller, and digits are all it may output). */
export const AMOUNT_REREAD: RereadKind = {
  whitelist: DIGITS,
  langs: ['eng'],
  accept: (text) => parseAmount(text).status === 'number',
};

const HAN = /\p{Script=Han}/u;
/**
 * Chinese labels read in Chinese alone: with English loaded too, a label printed with wide letter-spacing
 * (合　计) can come back as Latin (4rit); kept when the reading is Chinese and has no Latin letters.
 */
export const LABEL_REREAD: RereadKind = {
  langs: ['chi_sim'],
  accept: (text) => HAN.test(text) && !/[A-Za-z]/.test(text),
};

/**
 * Read the given cells again; only readings `kind` accepts are returned. The cells are stacked into one image
 * and read as a block of single lines, so a table costs one recognition, not one per cell.
 */
export async function rereadCells(
  cells: readonly Cell[],
  pages: PageSource,
  engine: OcrEngine,
  kind: RereadKind = AMOUNT_REREAD,
): Promise<Map<string, Reading>> {
  const out = new Map<string, Reading>();
  // One recognition per resolution, not per page: each call starts a recognizer (a process for the native
  // engine), and pages of a document are usually drawn at one resolution.
  const byDpi = new Map<number, { cell: Cell; page: number }[]>();
  for (const c of cells) {
    const page = c.provenance.page;
    const geometry = page ? pages.geometry.get(page) : undefined;
    if (page && geometry && c.provenance.box)
      byDpi.set(geometry.dpi, [...(byDpi.get(geometry.dpi) ?? []), { cell: c, page }]);
  }
  for (const [dpi, list] of byDpi) {
    const crops: GreyImage[] = [];
    const images = new Map<number, GreyImage>();
    for (const { cell, page } of list) {
      if (!images.has(page)) images.set(page, await pages.prepared(page));
      crops.push(cropCell(images.get(page)!, dpi, cell.provenance.box!));
    }
    const { image, ranges } = stackCrops(crops);
    const words = await engine.recognize(image, {
      psm: 6,
      dpi,
      ...(kind.whitelist ? { whitelist: kind.whitelist } : {}),
      ...(kind.langs ? { langs: kind.langs } : {}),
    });
    list.forEach(({ cell }, i) => {
      const [top, bottom] = ranges[i]!;
      const mine = words
        .filter((w) => {
          const y = (w.box.top + w.box.bottom) / 2;
          return y >= top && y <= bottom;
        })
        .sort((a, b) => a.box.x0 - b.box.x0);
      const text = mine.map((w) => w.text).join('');
      if (!kind.accept(text)) return;
      const confidence = mine.reduce((m, w) => Math.min(m, w.confidence), 1);
      out.set(`${cell.row}:${cell.col}`, { text, confidence });
    });
  }
  return out;
}
