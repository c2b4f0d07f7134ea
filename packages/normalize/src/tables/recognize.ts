/** Recognising a table's kind from its title (aliases, longest wins) or, untitled, from header keywords. */
import type { ExtractedTable } from '@ledgerlift/extract';
import type { Profile, TableSpec } from '../profile/schema.ts';
import { cleanLabel, matchKey } from '../text/clean.ts';

const NUMBER_RE = /(公开\s*\d+\s*表|[附]?表\s*\d+(?:-\d+)*)/u;

/** The printed table number (`公开07表`, `表1-2-1`) from the title or caption, '' when none. */
export function tableNumberOf(table: ExtractedTable): string {
  for (const text of [table.title ?? '', ...table.caption.map((l) => l.text)]) {
    const m = NUMBER_RE.exec(cleanLabel(text));
    if (m?.[1]) return m[1].replace(/\s+/g, '');
  }
  return '';
}

/**
 * The table title: the extractor's when it names a known kind, else the first caption line that does (a report
 * heading such as `某部门2024年度部门决算表` printed above the table's own title), else the extractor's.
 * Titles read by OCR may name their kind with a character or two misread (see specByTitle).
 */
export function titleOf(table: ExtractedTable, profile: Profile): string {
  const tolerant = table.method === 'ocr';
  const extracted = cleanLabel(table.title ?? '');
  if (extracted !== '' && specByTitle(extracted, profile, tolerant)) return extracted;
  for (const line of table.caption) {
    if (specByTitle(cleanLabel(line.text), profile, tolerant)) return cleanLabel(line.text);
  }
  return extracted;
}

/** Edits (substitutions, insertions, deletions) to turn some substring of `text` into `pattern`. */
export function substringDistance(pattern: string, text: string): number {
  const p = [...pattern];
  const t = [...text];
  // row[j]: edits for the pattern so far against a substring of text ending at j (any start is free).
  let row = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= p.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= t.length; j += 1) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return Math.min(...row);
}

/**
 * The kind whose longest alias occurs in the title (exclusions respected). `tolerant` (titles read by OCR) also
 * takes an alias found with up to one edit per six characters (`_般公共预算财政拔款支出决算表`), each edit costing
 * two characters of its length: a longer alias read with a misread character still beats a short one that
 * happens to occur (支出决算表), but an alias needing an insertion (基本) does not beat the exact title.
 */
export function specByTitle(title: string, profile: Profile, tolerant = false): TableSpec | undefined {
  const key = matchKey(title);
  if (key === '') return undefined;
  let best: { spec: TableSpec; score: number } | undefined;
  for (const spec of profile.tables) {
    if (spec.exclude.some((x) => key.includes(matchKey(x)))) continue;
    for (const alias of spec.titles) {
      const a = matchKey(alias);
      const edits = key.includes(a) ? 0 : tolerant ? substringDistance(a, key) : Number.POSITIVE_INFINITY;
      if (edits > Math.floor(a.length / 6)) continue;
      const score = [...a].length - 2 * edits;
      if (!best || score > best.score) best = { spec, score };
    }
  }
  return best?.spec;
}

/** The kind whose header keywords all occur in the first rows (for untitled tables). */
export function specByHeader(table: ExtractedTable, profile: Profile): TableSpec | undefined {
  const rows = Math.max(table.headerRows, 4);
  const text = matchKey(
    table.cells
      .filter((c) => c.row < rows)
      .map((c) => c.text)
      .join(''),
  );
  let best: { spec: TableSpec; len: number } | undefined;
  for (const spec of profile.tables) {
    if (spec.header.length === 0 || !spec.header.every((k) => text.includes(matchKey(k)))) continue;
    const len = spec.header.join('').length;
    if (!best || len > best.len) best = { spec, len };
  }
  return best?.spec;
}
