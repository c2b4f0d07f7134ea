/**
 * A second look at amount cells: each cell cut from the page the recognizer saw and read as one text line
 * (PSM 7) with a digit whitelist. Page-level reading collapses repeated digits (888991.74 → 8891.74) and picks
 * up specks; a single-line digit read of the cell alone does not. The table's arithmetic then decides again.
 */
import { parseAmount } from '../common/amount.ts';
import type { Cell } from '../model.ts';
import type { OcrEngine } from './engine.ts';
import { cropCell, type PageGeometry, preparedImage } from './ocr-page.ts';
import type { GreyImage } from './raster.ts';

const DIGITS = '0123456789.,-';

/** Where a page's pixels come from again (re-render or the decoded file) and how they were prepared. */
export interface PageSource {
  geometry: ReadonlyMap<number, PageGeometry>;
  image(page: number): Promise<GreyImage>;
}

/** A new reading for a cell, keyed `row:col`. */
export interface Reading {
  text: string;
  confidence: number;
}

/** Read the given cells again, one line each; only readings that parse as amounts are returned. */
export async function rereadCells(
  cells: readonly Cell[],
  pages: PageSource,
  engine: OcrEngine,
): Promise<Map<string, Reading>> {
  const out = new Map<string, Reading>();
  const byPage = new Map<number, Cell[]>();
  for (const c of cells) {
    const page = c.provenance.page;
    if (page && c.provenance.box && pages.geometry.has(page)) byPage.set(page, [...(byPage.get(page) ?? []), c]);
  }
  for (const [page, list] of byPage) {
    const geometry = pages.geometry.get(page)!;
    const prepared = preparedImage(await pages.image(page), geometry);
    await Promise.all(
      list.map(async (cell) => {
        const crop = cropCell(prepared, geometry.dpi, cell.provenance.box!);
        const words = await engine.recognize(crop, { psm: 7, whitelist: DIGITS, dpi: geometry.dpi });
        const text = words.map((w) => w.text).join('');
        if (parseAmount(text).status !== 'number') return;
        const confidence = words.reduce((m, w) => Math.min(m, w.confidence), 1);
        out.set(`${cell.row}:${cell.col}`, { text, confidence });
      }),
    );
  }
  return out;
}
