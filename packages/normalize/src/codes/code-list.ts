/** Classification code lists (支出功能分类 / 部门预算支出经济分类): parsing, lookup and name matching. */
import { z } from 'zod';
import { matchKey, stripOrdinal } from '../text/clean.ts';

export const CodeSchemeSchema = z.enum(['exp_func', 'dep_bgt_eco']);
export type CodeScheme = z.infer<typeof CodeSchemeSchema>;

export const CodeEntrySchema = z.object({
  scheme: CodeSchemeSchema,
  code: z.string().regex(/^\d{3}(?:\d{2}){0,2}$/),
  level: z.enum(['类', '款', '项']),
  parent: z.string(),
  name: z.string().min(1),
  variants: z.array(z.string()),
  /** `seed:<file>` when seen in a real document, `bg` for background knowledge. */
  source: z.string(),
});
export type CodeEntry = z.infer<typeof CodeEntrySchema>;

export interface CodeList {
  readonly version: string;
  readonly entries: ReadonlyMap<string, CodeEntry>;
}

/** Result of checking a printed code (and name) against the list. */
export interface CodeLookup {
  code: string;
  scheme: CodeScheme;
  level: string;
  parent: string;
  status: 'ok' | 'unknown' | 'name_mismatch';
  /** Canonical name: the list's name when known, else the printed one. */
  name: string;
}

const entryKey = (scheme: CodeScheme, code: string) => `${scheme}:${code}`;

/** Parse the CSV code list (`scheme,code,level,parent,name,variants,source`; variants `|`-separated). */
export function parseCodeCsv(text: string, version: string): CodeList {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',');
  const entries = new Map<string, CodeEntry>();
  for (const line of lines) {
    const cells = line.split(',');
    const rec = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    const entry = CodeEntrySchema.parse({
      ...rec,
      variants: (rec.variants ?? '').split('|').filter(Boolean),
    });
    entries.set(entryKey(entry.scheme, entry.code), entry);
  }
  return { version, entries };
}

/** Level of a code by its length: 3 → 类, 5 → 款, 7 → 项. */
export function levelOf(code: string): string {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : '';
}

/** Parent code: drop the last two digits (none for a 类). */
export function parentOf(code: string): string {
  return code.length > 3 ? code.slice(0, -2) : '';
}

/** The entry for a code, if listed. */
export function findCode(list: CodeList, scheme: CodeScheme, code: string): CodeEntry | undefined {
  return list.entries.get(entryKey(scheme, code));
}

/** True when a printed name names this entry (exactly, as a variant, or truncated at the end). */
export function nameAgrees(entry: CodeEntry, printed: string): boolean {
  const key = matchKey(stripOrdinal(printed));
  if (key === '') return true;
  return [entry.name, ...entry.variants].some((n) => {
    const k = matchKey(n);
    return k === key || (key.length >= 4 && k.startsWith(key));
  });
}

/** Check a printed code and name against the list; an unknown code is flagged, never dropped. */
export function lookupCode(list: CodeList, scheme: CodeScheme, code: string, printedName: string): CodeLookup {
  const entry = findCode(list, scheme, code);
  const base = { code, scheme, level: levelOf(code), parent: parentOf(code) };
  if (!entry) return { ...base, status: 'unknown', name: printedName };
  return { ...base, status: nameAgrees(entry, printedName) ? 'ok' : 'name_mismatch', name: entry.name };
}

/**
 * Map a printed 类 name (summary tables print the 26 类 without codes) to its code: exact name or
 * variant first, then a unique prefix match for names truncated by narrow cells (资源勘探工业信息等支).
 */
export function leiCodeByName(list: CodeList, printed: string): CodeEntry | undefined {
  const key = matchKey(stripOrdinal(printed));
  if (key.length < 2) return undefined;
  const lei = [...list.entries.values()].filter((e) => e.scheme === 'exp_func' && e.level === '类');
  const exact = lei.find((e) => [e.name, ...e.variants].some((n) => matchKey(n) === key));
  if (exact) return exact;
  if (key.length < 4) return undefined;
  const prefix = lei.filter((e) => [e.name, ...e.variants].some((n) => matchKey(n).startsWith(key)));
  return prefix.length === 1 ? prefix[0] : undefined;
}
