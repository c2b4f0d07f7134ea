/**
 * Prepared page images (straightened, rulings erased) kept from the page pass for the re-read pass, up to a
 * memory budget: re-rendering a scan costs a JPEG decode and a rotation (about a second a page), so small and
 * medium documents keep every page, and long ones rebuild the pages past the budget on demand.
 */
import { type PageGeometry, preparedImage } from './ocr-page.ts';
import type { GreyImage } from './raster.ts';

/** 512 MiB: about 60 A4 pages at 300 DPI. */
const DEFAULT_BUDGET = 512 * 1024 * 1024;

export interface PreparedImages {
  /** Keep a page's prepared image when it fits the budget. */
  keep(page: number, image: GreyImage): void;
  /** The prepared image of a page: the kept one, else the original rebuilt with the page's geometry. */
  prepared(page: number): Promise<GreyImage>;
  geometry: Map<number, PageGeometry>;
}

/** A store of prepared images; `original` fetches a page's unprepared image again (re-render, decoded file). */
export function preparedImages(
  original: (page: number, dpi: number) => Promise<GreyImage>,
  budget = DEFAULT_BUDGET,
): PreparedImages {
  const kept = new Map<number, GreyImage>();
  const geometry = new Map<number, PageGeometry>();
  let used = 0;
  return {
    geometry,
    keep(page, image) {
      if (kept.has(page) || used + image.data.byteLength > budget) return;
      kept.set(page, image);
      used += image.data.byteLength;
    },
    async prepared(page) {
      const hit = kept.get(page);
      if (hit) return hit;
      const g = geometry.get(page);
      if (!g) throw new Error(`page ${page} was not OCR'd`);
      return preparedImage(await original(page, g.dpi), g);
    },
  };
}
