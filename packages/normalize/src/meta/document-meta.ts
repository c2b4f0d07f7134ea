/** Document metadata found in the text: reporting entity, year, and the printed money unit. */
import type { TextLine } from '@ledgerlift/extract';
import { cleanLabel } from '../text/clean.ts';

const ENTITY_LABEL_RE = /^(?:公开部门|部门名称|单位名称|预算单位|编制部门|编制单位|部门|单位)[:：]\s*(.+)$/u;
const ORG_SUFFIX_RE =
  /(?:局|中心|委员会|委|办公室|办|院|所|站|厅|部|处|队|馆|会|社|政府|学校|中学|小学|医院|大学|公司)$/u;
const YEAR_RE = /(20\d{2})\s*年度?/u;

/** Printed money unit of a line (`单位：万元`, `金额单位：元`, `单位:元`), if any. */
export function unitOfLine(text: string): '元' | '万元' | undefined {
  const m = /单位\s*[:：]\s*(万元|元)/u.exec(text.replace(/\s+/g, ''));
  return m?.[1] === '万元' ? '万元' : m?.[1] === '元' ? '元' : undefined;
}

/** The entity named on a `部门：X` / `单位名称：X` line (not `单位：万元`), trimmed of a trailing year/unit. */
export function entityOfLine(text: string): string | undefined {
  const m = ENTITY_LABEL_RE.exec(cleanLabel(text).replace(/金额单位.*$/u, ''));
  if (!m?.[1]) return undefined;
  const name = m[1].replace(/20\d{2}年度?.*$/u, '').replace(/单位[:：].*$/u, '');
  if (name === '' || /^(万元|元)$/u.test(name) || /^\d/u.test(name)) return undefined;
  return name;
}

/** An entity printed on the cover: `郑州市中原区医疗保障局部门决算`, `2022 年度包头市医疗保险服务中心决算公开`. */
function entityOfCover(text: string): string | undefined {
  const name = cleanLabel(text)
    .replace(/^第[一二三四五六七八九十]+部分/u, '')
    .replace(/^20\d{2}年度?/u, '')
    .replace(/20\d{2}年度?.*$/u, '')
    .replace(/[(（].*?[)）]/gu, '')
    .replace(/(?:部门|单位)?(?:决算|预算)(?:公开)?(?:报告|说明)?$/u, '');
  return name.length >= 4 && name.length <= 40 && ORG_SUFFIX_RE.test(name) ? name : undefined;
}

const mostFrequent = (items: string[]): string => {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
};

/** Reporting entity: the most frequent `部门：X` caption, else the cover line. */
export function findEntity(lines: readonly TextLine[]): string {
  const labelled = lines.map((l) => entityOfLine(l.text)).filter((e): e is string => e !== undefined);
  if (labelled.length > 0) return mostFrequent(labelled);
  for (const l of lines.slice(0, 40)) {
    const e = entityOfCover(l.text);
    if (e) return e;
  }
  return '';
}

/** Report year: the first `20XX年度` in the opening lines, else the most frequent one, else a title's `20XX年`. */
export function findYear(lines: readonly TextLine[], titles: readonly string[] = []): string {
  for (const l of lines.slice(0, 40)) {
    const m = YEAR_RE.exec(l.text);
    if (m?.[1] && /年度/u.test(l.text)) return m[1];
  }
  const all = lines.map((l) => /(20\d{2})\s*年度/u.exec(l.text)?.[1]).filter((y): y is string => y !== undefined);
  const fromTitles = titles.map((t) => /(20\d{2})\s*年/u.exec(t)?.[1]).filter((y): y is string => y !== undefined);
  return mostFrequent(all) || mostFrequent(fromTitles);
}

/** The document's money unit: the most frequent printed unit (tables without their own unit use it). */
export function findDocumentUnit(lines: readonly TextLine[]): '元' | '万元' | '' {
  const units = lines.map((l) => unitOfLine(l.text)).filter((u): u is '元' | '万元' => u !== undefined);
  const u = mostFrequent(units);
  return u === '元' || u === '万元' ? u : '';
}
