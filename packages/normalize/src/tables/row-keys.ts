/** Row keys: classification codes (whole or split 类/款/项), names repaired from the code list, 行次. */
import { type CodeList, type CodeScheme, leiCodeByName, lookupCode } from '../codes/code-list.ts';
import { cleanLabel, rowNameOf, stripMarkup } from '../text/clean.ts';
import type { RowRecord } from './record.ts';

const CODE_RE = /^\d{3}(?:\d{2}){0,2}$/u;
const CODE_NAME_RE = /^(\d{3}(?:\d{2}){0,2})\s*([^\d\s.,].*)$/su;

/** True when a cell reads as a classification code (3, 5 or 7 digits). */
export function isCode(text: string): boolean {
  return CODE_RE.test(cleanLabel(text));
}

/** Split `2080505 机关事业单位…` printed in one cell into code and name. */
export function splitCodeName(text: string): { code: string; name: string } | undefined {
  const m = CODE_NAME_RE.exec(stripMarkup(text).trim());
  return m?.[1] && m[2] ? { code: m[1], name: m[2].trim() } : undefined;
}

/**
 * Join the code cells of a row: one full code (`2019999`, possibly in the 款 column), or parts printed in
 * 类/款/项 columns (`201 | 03 | 01` → `2010301`).
 */
export function joinCodeParts(parts: readonly string[]): string {
  const p = parts.map((t) => cleanLabel(t)).filter((t) => /^\d+$/u.test(t));
  if (p.length === 0) return '';
  if (p.length > 1 && p[0]?.length === 3 && p.slice(1).every((x) => x.length === 2)) return p.join('');
  return p.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** 行次 as printed, `1.00` → `1`. */
export function lineOf(text: string): string {
  const t = cleanLabel(text);
  return /^\d+(?:\.0+)?$/u.test(t) ? String(Number.parseInt(t, 10)) : '';
}

/** Fill a record's key from a code (checked against the list) and the printed name. */
export function keyByCode(rec: RowRecord, list: CodeList, scheme: CodeScheme, code: string, printed: string): void {
  const name = rowNameOf(printed);
  const hit = lookupCode(list, scheme, code, name);
  Object.assign(rec, {
    code,
    scheme,
    level: hit.level,
    parent: hit.parent,
    codeStatus: hit.status,
    name: hit.status === 'unknown' ? name : hit.name,
    namePrinted: stripMarkup(printed),
  });
}

/** Fill a record's key from a printed name; a summary table's 类 names get their code (leiByName). */
export function keyByName(rec: RowRecord, list: CodeList, printed: string, leiByName: boolean): void {
  const lei = leiByName ? leiCodeByName(list, printed) : undefined;
  if (lei) {
    keyByCode(rec, list, 'exp_func', lei.code, printed);
    return;
  }
  rec.name = rowNameOf(printed);
  rec.namePrinted = stripMarkup(printed);
}
