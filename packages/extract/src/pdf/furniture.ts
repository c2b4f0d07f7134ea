/** Page furniture: page numbers and running headers/footers in the top and bottom margins. */

/** Share of the page height counted as top/bottom margin. */
const MARGIN = 0.08;

const PAGE_NUMBER_RE =
  /^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*(?:共|of)\s*\d{1,4}\s*页?)?[-—–\s]*$|^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/i;

/** True for a printed page number ("3", "- 3 -", "第3页", "3/10", "Page 3 of 10"). */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER_RE.test(text.trim());
}

/** Remembers margin lines across pages; a margin line seen on another page is a running header/footer. */
export class FurnitureDetector {
  private readonly seen = new Map<string, Set<number>>();

  /** True when the line at [top, bottom] of a page of `height` is furniture; records it for later pages. */
  isFurniture(text: string, top: number, bottom: number, height: number, page: number): boolean {
    const inMargin = bottom < height * MARGIN || top > height * (1 - MARGIN);
    if (!inMargin) return false;
    if (isPageNumber(text)) return true;
    const key = `${top < height / 2 ? 't' : 'b'}|${text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
    const pages = this.seen.get(key) ?? new Set<number>();
    pages.add(page);
    this.seen.set(key, pages);
    return pages.size > 1;
  }
}
