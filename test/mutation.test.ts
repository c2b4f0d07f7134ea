/**
 * Mutation test on the real pipeline (text extractor → normalizer → validation): change one printed amount of
 * a seed's tables 01–09 at a time and require a failing check that names that very cell. Seed 000 (万元,
 * tab-separated) and seed 002 (元, raw text with wrapped names and glued numbers). Amounts are picked
 * deterministically, evenly spread over each table kind (set MUTATION_FULL=1 to mutate every amount).
 */
import { readFileSync } from 'node:fs';
import { add, dec, extractText, readSource, type SourceDocument, shift, toDecimalString } from '@ledgerlift/extract';
import { type Fact, type NormalizedDocument, normalizeDocument, type TableKind } from '@ledgerlift/normalize';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDocuments } from '../packages/normalize/src/validate/index.ts';

// Only the tables and the 情况说明 are kept: the performance reports after them are not needed here and would
// triple the run time (000: 部门整体绩效自评结果 starts at line 537; 002: the 项目绩效自评 tables at line 1575).
const SEEDS = [
  { file: '000_9a60f633ec701c44.txt', keepLines: 536 },
  { file: '002_6a44410de26ff4ed.txt', keepLines: 1574 },
];
const FULL = process.env.MUTATION_FULL === '1';
const PER_KIND = FULL ? Number.POSITIVE_INFINITY : 6;
const KINDS: TableKind[] = [
  'summary',
  'income',
  'expenditure',
  'appropriation_summary',
  'general_budget',
  'general_budget_basic',
  'gov_fund',
  'state_capital',
  'three_public',
];

const lineOf = (f: Fact) => Number(/^lines (\d+)/.exec(f.source)?.[1] ?? 0);
const cellKey = (f: Pick<Fact, 'table_kind' | 'row_code' | 'row_name' | 'side' | 'column_key'>) =>
  [f.table_kind, f.side, f.row_code, f.row_name, f.column_key].join('|');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Evenly spread picks: n items out of the list, first and last included. */
function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))] as T);
}

/** The printed amount plus one in its own unit ("46.98" → "47.98", "0" → "1"). */
function bump(printed: string): string {
  const decimals = /\.(\d+)$/.exec(printed)?.[1]?.length ?? 0;
  const next = add(dec(printed.replace(/,/g, '')), dec('1'));
  const [int = '0', frac = ''] = toDecimalString(next).split('.');
  return decimals ? `${int}.${frac.padEnd(decimals, '0')}` : int;
}

/**
 * Replace the fact's printed amount in its line: the r-th standalone occurrence of it, where r is the fact's rank
 * among the facts printed on that line with the same text (facts and printed amounts both run left to right).
 * Standalone: not inside another number, though raw text may glue the next code right after it.
 */
function mutate(lines: string[], fact: Fact, facts: Fact[]): { text: string[]; printed: string } {
  const lineNo = lineOf(fact);
  const same = facts.filter((f) => lineOf(f) === lineNo && f.value_printed === fact.value_printed);
  const rank = same.indexOf(fact);
  const line = lines[lineNo - 1] ?? '';
  const token = escapeRe(fact.value_printed);
  const strict = [...line.matchAll(new RegExp(`(?<![\\d.,])${token}(?![\\d.,])`, 'g'))];
  const loose = [...line.matchAll(new RegExp(`(?<![\\d.,])${token}`, 'g'))];
  // More standalone matches than facts: the extra ones are in labels before the amounts ("满意度指标 (10)").
  const pool =
    strict.length >= same.length ? strict.slice(strict.length - same.length) : loose.slice(loose.length - same.length);
  const hit = pool[rank];
  if (hit?.index === undefined) throw new Error(`cannot find ${fact.value_printed} #${rank} on line ${lineNo}`);
  const printed = bump(fact.value_printed);
  const text = [...lines];
  text[lineNo - 1] = line.slice(0, hit.index) + printed + line.slice(hit.index + fact.value_printed.length);
  return { text, printed };
}

describe.each(SEEDS)('mutation of $file through the real pipeline', ({ file, keepLines }) => {
  const path = new URL(`../corpus/${file}`, import.meta.url).pathname;
  let source: SourceDocument;
  let lines: string[];
  let baseline: NormalizedDocument;
  const run = (text: string[]) => normalizeDocument(extractText(source, text.join('\n')));

  beforeAll(async () => {
    source = (await readSource(path)).source;
    lines = readFileSync(path, 'utf8').split('\n').slice(0, keepLines);
    baseline = run(lines);
  });

  it('passes every check unmodified (the baseline the mutations are measured against)', () => {
    const failed = validateDocuments([baseline]).filter((r) => r.status === 'fail');
    expect(failed).toEqual([]);
  });

  for (const kind of KINDS) {
    it(
      `catches any single changed amount of the ${kind} table, naming the cell`,
      () => {
        const facts = baseline.facts.filter((f) => f.value_status === 'number');
        const targets = spread(
          facts.filter((f) => f.table_kind === kind),
          PER_KIND,
        );
        const missed: string[] = [];
        for (const fact of targets) {
          const { text, printed } = mutate(lines, fact, facts);
          const doc = run(text);
          // The pipeline must read the changed amount at the same cell, or the mutation did not test validation.
          const changed = doc.facts.find((f) => cellKey(f) === cellKey(fact) && f.source === fact.source);
          const wan = fact.unit_printed === '万元';
          const want = toDecimalString(shift(dec(printed.replace(/,/g, '')), wan ? 4 : 0));
          expect(changed?.value, `${cellKey(fact)} at ${fact.source}`).toBe(want);
          const named = validateDocuments([doc]).some(
            (r) =>
              r.status === 'fail' &&
              r.cells.some((c) => c.column === fact.column_key && c.source === fact.source && c.value === want),
          );
          if (!named) missed.push(`${cellKey(fact)} ${fact.value_printed}→${printed} (${fact.source})`);
        }
        expect(missed).toEqual([]);
      },
      FULL ? 900_000 : 60_000,
    );
  }
});

/**
 * Performance self-evaluation tables (seed 004: five projects, 万元 amounts and 分 scores): every amount, 分值 and
 * 得分 printed as a plain number is changed one at a time. Each
 * must make a check fail naming it, except the one amount no identity binds: t04's funds 分值, where 194.63% was
 * spent (so only 得分 ≤ 分值 holds) and the table prints no 总分 分值.
 */
describe('mutation of the performance tables of 004_a5c24cdf4fd3c526.txt through the real pipeline', () => {
  const path = new URL('../corpus/004_a5c24cdf4fd3c526.txt', import.meta.url).pathname;
  const UNBOUND = ['t04 年度资金总额 weight 10 (lines 410-410)'];
  // Rows of different projects share names and a line may hold two of them: the table and row path tell them apart.
  const perfKey = (f: Fact) => [f.table_id, f.row_path, f.row_name, f.column_key, f.source].join('|');
  const label = (f: Fact) => `${f.table_id} ${f.row_name} ${f.column_key} ${f.value_printed} (${f.source})`;
  let source: SourceDocument;
  let lines: string[];
  let baseline: NormalizedDocument;
  const run = (text: string[]) => normalizeDocument(extractText(source, text.join('\n')));

  beforeAll(async () => {
    source = (await readSource(path)).source;
    lines = readFileSync(path, 'utf8').split('\n');
    baseline = run(lines);
  });

  it('catches any single changed amount, 分值 or 得分, naming the cell', () => {
    expect(validateDocuments([baseline]).filter((r) => r.status === 'fail')).toEqual([]);
    const facts = baseline.facts.filter((f) => f.value_status === 'number');
    // All of them: the tables are short enough to mutate every amount in seconds.
    const targets = facts.filter((f) => f.table_kind === 'performance' && /^-?[\d,]+(\.\d+)?$/.test(f.value_printed));
    const missed: string[] = [];
    for (const fact of targets) {
      const { text, printed } = mutate(lines, fact, facts);
      const doc = run(text);
      const changed = doc.facts.find((f) => perfKey(f) === perfKey(fact));
      const shifted = fact.unit === '元' && fact.unit_printed === '万元';
      const want = toDecimalString(shift(dec(printed.replace(/,/g, '')), shifted ? 4 : 0));
      expect(changed?.value, label(fact)).toBe(want);
      const named = validateDocuments([doc]).some(
        (r) =>
          r.status === 'fail' &&
          r.cells.some((c) => c.column === fact.column_key && c.source === fact.source && c.value === want),
      );
      if (!named) missed.push(label(fact));
    }
    // 5 projects: 年初预算数/全年预算数/全年执行数 of 年度资金总额 and 财政拨款 (30), 分值/得分 of the funds block and
    // of 总分 (20), and of 55 indicator rows (110).
    expect(targets.length).toBe(160);
    expect(missed).toEqual(UNBOUND);
  }, 120_000);
});
