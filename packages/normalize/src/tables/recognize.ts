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
 */
export function titleOf(table: ExtractedTable, profile: Profile): string {
  const extracted = cleanLabel(table.title ?? '');
  if (extracted !== '' && specByTitle(extracted, profile)) return extracted;
  for (const line of table.caption) {
    if (specByTitle(cleanLabel(line.text), profile)) return cleanLabel(line.text);
  }
  return extracted;
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
