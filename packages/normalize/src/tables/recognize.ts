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

/** The table title: the extractor's, else the first caption line that names a known kind. */
export function titleOf(table: ExtractedTable, profile: Profile): string {
  if (table.title && table.title.trim() !== '') return cleanLabel(table.title);
  for (const line of table.caption) {
    if (specByTitle(cleanLabel(line.text), profile)) return cleanLabel(line.text);
  }
  return '';
}

/** The kind whose longest alias occurs in the title (exclusions respected). */
export function specByTitle(title: string, profile: Profile): TableSpec | undefined {
  const key = matchKey(title);
  if (key === '') return undefined;
  let best: { spec: TableSpec; len: number } | undefined;
  for (const spec of profile.tables) {
    if (spec.exclude.some((x) => key.includes(matchKey(x)))) continue;
    for (const alias of spec.titles) {
      const a = matchKey(alias);
      if (key.includes(a) && (!best || a.length > best.len)) best = { spec, len: a.length };
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
