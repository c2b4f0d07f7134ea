/**
 * Splitting a tab-separated converter line into cleaned cells, and recognising lines that carry no table
 * content (markdown rules, dot-leader fillers, table-of-contents entries).
 */

/** Markup the converter leaves inside cells: HTML tags and markdown emphasis/heading marks. */
const TAG_RE = /<\/?[a-zA-Z][^<>]*>/g;
const EMPHASIS_RE = /\*\*|__/g;
/** The converter prints `null` for an empty cell in some tables. */
const NULL_CELL = 'null';

/** Clean one printed cell: markup removed, outer whitespace trimmed; inner text kept as printed. */
export function cleanCell(raw: string): string {
  const text = raw
    .replace(TAG_RE, '')
    .replace(EMPHASIS_RE, '')
    .replace(/\u00a0/g, ' ')
    .trim();
  return text === NULL_CELL ? '' : text;
}

/** The cells of one line (tab-separated), cleaned; trailing empty cells are kept so positions stay as printed. */
export function splitCells(text: string): string[] {
  return text.split('\t').map(cleanCell);
}

/** A markdown rule or separator cell: `---`, `-----`, `===`. */
export function isRuleCell(cell: string): boolean {
  return /^[-=_:|\s]{2,}$/.test(cell) && /[-=_]{2,}/.test(cell);
}

/** A filler cell: dot leaders or ellipses printed where a template row was left empty. */
export function isFillerCell(cell: string): boolean {
  return /^(?:[.．。·…]\s*){2,}$/.test(cell);
}

/** A table-of-contents entry: text ending in dot leaders (`一、基本情况.....`). */
export function isLeaderCell(cell: string): boolean {
  return /[.．·…]{4,}\s*$/.test(cell);
}

/** True when a row of cells carries no table content (all blank, rules, fillers or TOC leaders). */
export function isJunkRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0) return true;
  return filled.every((c) => isRuleCell(c) || isFillerCell(c)) || filled.some(isLeaderCell);
}

/** Text of a non-table line with markdown heading/emphasis marks removed. */
export function stripMarkdown(text: string): string {
  return cleanCell(text.replace(/^\s*#{1,6}\s*/, '').replace(/^\s*[-*]\s+/, ''));
}

/** Whitespace-free form used to compare labels (`经济分类 科目编码` = `经济分类科目编码`). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
