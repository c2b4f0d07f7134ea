/**
 * Page furniture that converters leave inside tables: page numbers (`-11-`), running headers repeated on
 * every page (`大宁县医疗保障局2022年部门决算公开报告`) and part headings (`第二部分 2022年部门决算表`).
 */
import type { TextLine } from '../../model.ts';
import { halfIfDoubled } from './doubling.ts';

const PAGE_NUMBER_RE = /^\s*[-－—]\s*\d{1,4}\s*[-－—]\s*$|^\s*第\s*\d{1,4}\s*页(\s*[/共]\s*\d+\s*页?)?\s*$/u;
const PART_HEADING_RE = /^第[一二三四五六七八九十]+部分/u;

/** True for a page-number line such as `-11-` or `第3页`. */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER_RE.test(text);
}

/** Text of a line with surrounding space trimmed and whole-line fake-bold doubling removed. */
export function plainLine(text: string): string {
  const trimmed = text.trim();
  return halfIfDoubled(trimmed)?.trim() ?? trimmed;
}

/**
 * Line numbers of page furniture: page numbers, lines next to a page number that recur elsewhere in the
 * document (running headers/footers), and part headings (`第二部分 …`) which only ever sit between tables.
 */
export function findFurniture(lines: readonly TextLine[]): Set<number> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.text.trim();
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const out = new Set<number>();
  lines.forEach((l, i) => {
    const t = l.text.trim();
    if (!isPageNumber(t)) return;
    out.add(l.lineNo);
    // The nearest non-blank lines on either side are running headers when they recur in the document.
    for (const dir of [-1, 1]) {
      let seen = 0;
      for (let j = i + dir; j >= 0 && j < lines.length && seen < 2; j += dir) {
        const other = lines[j];
        const ot = other?.text.trim();
        if (!other || !ot) continue;
        seen += 1;
        // Running headers are one unbroken run of text; table rows have spaces between cells.
        if ((counts.get(ot) ?? 0) >= 2 && !/\s/.test(ot) && Array.from(ot).length >= 6) out.add(other.lineNo);
      }
    }
  });
  for (const l of lines) {
    const t = l.text.trim();
    if (PART_HEADING_RE.test(t) && t.length <= 40) out.add(l.lineNo);
  }
  return out;
}
