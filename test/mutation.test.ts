/**
 * Mutation test on the real pipeline (text extractor → normalizer → validation): change one printed amount of
 * a seed's tables 01–09 at a time and require a failing check that names that very cell. Seed 000 (万元,
 * tab-separated) and seed 002 (元, raw text with wrapped names and glued numbers). Amounts are picked
 * deterministically, evenly spread over each table kind (set MUTATION_FULL=1 to mutate every amount).
 */
import { readFileSync } from 'node:fs';
import { add, dec, extractText, readSource, shift, toDecimalString } from '@ledgerlift/extract';
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

/** A seed document and the real pipeline over it, loaded before its block's tests. */
interface Seed {
  lines: string[];
  baseline: NormalizedDocument;
  run(text: string[]): NormalizedDocument;
}

/** The seed `file` (its first `keepLines` lines), loaded in the enclosing block's beforeAll. */
function loadSeed(file: string, keepLines?: number): Seed {
  const seed = { lines: [] as string[] } as unknown as Seed;
  beforeAll(async () => {
    const path = new URL(`../corpus/${file}`, import.meta.url).pathname;
    const { source } = await readSource(path);
    seed.run = (text) => normalizeDocument(extractText(source, text.join('\n')));
    seed.lines = readFileSync(path, 'utf8').split('\n').slice(0, keepLines);
    seed.baseline = seed.run(seed.lines);
  });
  return seed;
}

/**
 * Change each target's printed amount in turn and run the pipeline on the changed text. The changed value must
 * be read at the same cell (`sameCell`), or the mutation did not test validation; returned are the targets (by
 * `label`) that no failing check names with their new value.
 */
function missedMutations(
  seed: Seed,
  targets: readonly Fact[],
  sameCell: (a: Fact, b: Fact) => boolean,
  label: (fact: Fact, printed: string) => string,
): string[] {
  const facts = seed.baseline.facts.filter((f) => f.value_status === 'number');
  const missed: string[] = [];
  for (const fact of targets) {
    const { text, printed } = mutate(seed.lines, fact, facts);
    const doc = seed.run(text);
    const changed = doc.facts.find((f) => sameCell(f, fact));
    const shifted = fact.unit === '元' && fact.unit_printed === '万元';
    const want = toDecimalString(shift(dec(printed.replace(/,/g, '')), shifted ? 4 : 0));
    expect(changed?.value, label(fact, printed)).toBe(want);
    const named = validateDocuments([doc]).some(
      (r) =>
        r.status === 'fail' &&
        r.cells.some((c) => c.column === fact.column_key && c.source === fact.source && c.value === want),
    );
    if (!named) missed.push(label(fact, printed));
  }
  return missed;
}

describe.each(SEEDS)('mutation of $file through the real pipeline', ({ file, keepLines }) => {
  const seed = loadSeed(file, keepLines);

  it('passes every check unmodified (the baseline the mutations are measured against)', () => {
    const failed = validateDocuments([seed.baseline]).filter((r) => r.status === 'fail');
    expect(failed).toEqual([]);
  });

  for (const kind of KINDS) {
    it(
      `catches any single changed amount of the ${kind} table, naming the cell`,
      () => {
        const ofKind = seed.baseline.facts.filter((f) => f.value_status === 'number' && f.table_kind === kind);
        const missed = missedMutations(
          seed,
          spread(ofKind, PER_KIND),
          (a, b) => cellKey(a) === cellKey(b) && a.source === b.source,
          (f, printed) => `${cellKey(f)} ${f.value_printed}→${printed} (${f.source})`,
        );
        expect(missed).toEqual([]);
      },
      FULL ? 900_000 : 60_000,
    );
  }
});

/**
 * Performance self-evaluation tables (seed 004: five projects, 万元 amounts and 分 scores): every amount, 分值 and
 * 得分 printed as a plain number is changed one at a time. Each must make a check fail naming it, except the one
 * amount no identity binds: t04's funds 分值, where 194.63% was spent (so only 得分 ≤ 分值 holds) and the table
 * prints no 总分 分值.
 */
describe('mutation of the performance tables of 004_a5c24cdf4fd3c526.txt through the real pipeline', () => {
  const seed = loadSeed('004_a5c24cdf4fd3c526.txt');
  // Rows of different projects share names and a line may hold two of them: the table and row path tell them apart.
  const perfKey = (f: Fact) => [f.table_id, f.row_path, f.row_name, f.column_key, f.source].join('|');
  const label = (f: Fact) => `${f.table_id} ${f.row_name} ${f.column_key} ${f.value_printed} (${f.source})`;

  it('catches any single changed amount, 分值 or 得分, naming the cell', () => {
    expect(validateDocuments([seed.baseline]).filter((r) => r.status === 'fail')).toEqual([]);
    // All of them: the tables are short enough to mutate every amount in seconds.
    const targets = seed.baseline.facts.filter(
      (f) =>
        f.value_status === 'number' && f.table_kind === 'performance' && /^-?[\d,]+(\.\d+)?$/.test(f.value_printed),
    );
    // 5 projects: 年初预算数/全年预算数/全年执行数 of 年度资金总额 and 财政拨款 (30), 分值/得分 of the funds block and
    // of 总分 (20), and of 55 indicator rows (110).
    expect(targets.length).toBe(160);
    const missed = missedMutations(seed, targets, (a, b) => perfKey(a) === perfKey(b), label);
    expect(missed).toEqual(['t04 年度资金总额 weight 10 (lines 410-410)']);
  }, 120_000);
});
