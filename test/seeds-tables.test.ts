/**
 * Seeds 000–002, 公开01–10 tables: the hand-made ground truth in corpus/expected/*.tables.csv is checked by
 * arithmetic (always), and the real pipeline is compared with it (always).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The root package cannot resolve @ledgerlift/* yet (no workspace dependency at the root), hence the paths.
import { dec, shift, toDecimalString } from '../packages/extract/src/common/decimal.ts';
import { compareWithExpected, type FactLike, formatComparison } from './helpers/expected-compare.ts';
import { readExpectedTables } from './helpers/expected-csv.ts';
import { checkIdentities } from './helpers/expected-identities.ts';
import { PUBLIC_TABLE_KINDS } from './helpers/table-kinds.ts';

const CORPUS = join(import.meta.dirname, '..', 'corpus');

interface Seed {
  stem: string;
  /** Power of ten from the printed unit to 元 (万元 → 4). */
  unitShift: number;
  /** Identities that fail in the printed numbers (listed in corpus/README.md); everything else must hold. */
  printedFailures: string[];
}

const SEEDS: Seed[] = [
  {
    stem: '000_9a60f633ec701c44',
    unitShift: 4,
    // 万元 rounding: 0.01 万元 tail differences, as the table notes warn (尾差).
    printedFailures: [
      'expenditure 合计: total = basic + project + remit_superior + operating + affiliated_subsidy',
      'expenditure 合计: basic = Σ 208 + 210 + 221 + 229',
      'general_budget 合计: total = basic + project',
      'general_budget 合计: basic = Σ 208 + 210 + 221',
    ],
  },
  {
    stem: '001_55a449a7ecd7ae44',
    unitShift: 0,
    printedFailures: [
      'general_budget_basic 公用经费合计: amount = Σ 302 + 310',
      '04 本年支出合计 general_budget = general_budget 合计 total',
      '04 类 210 general_budget = general_budget 210 total',
      '05 合计 basic = 06 人员经费合计 + 公用经费合计',
    ],
  },
  { stem: '002_6a44410de26ff4ed', unitShift: 0, printedFailures: [] },
];

const expectedFile = (stem: string) => join(CORPUS, 'expected', `${stem}.tables.csv`);

describe('corpus/expected/*.tables.csv (ground truth, checked by arithmetic)', () => {
  for (const seed of SEEDS) {
    it(`${seed.stem}: identities hold except the documented printed inconsistencies`, () => {
      const results = checkIdentities(readExpectedTables(expectedFile(seed.stem)));
      expect(results.length).toBeGreaterThan(100);
      const failing = results.filter((r) => !r.holds);
      const detail = failing.map((r) => `${r.id}: ${r.lhs} vs ${r.rhs} (lines ${r.lines.join(',')})`).join('\n');
      expect(failing.map((r) => r.id).sort(), detail).toEqual([...seed.printedFailures].sort());
    });

    it(`${seed.stem}: every value is printed on the line it cites`, () => {
      const source = readFileSync(join(CORPUS, `${seed.stem}.txt`), 'utf8').split('\n');
      const misplaced = readExpectedTables(expectedFile(seed.stem)).filter((r) => {
        const printed = toDecimalString(shift(dec(r.value), -seed.unitShift));
        return !(source[r.line - 1] ?? '').replaceAll(',', '').includes(printed);
      });
      expect(misplaced).toEqual([]);
    });
  }
});

describe('compareWithExpected', () => {
  it('pairs equal values first and reports missing, wrong and extra with their places', () => {
    const base = { table_kind: 'income', project: '', side: '' as const, row_path: '', row_line: '' };
    const expected = [
      { ...base, row_code: '208', row_name: '社会保障和就业支出', column_key: 'total', value: '469800', line: 168 },
      { ...base, row_code: '210', row_name: '卫生健康支出', column_key: 'total', value: '6305600', line: 174 },
      { ...base, row_code: '', row_name: '合计', column_key: 'total', value: '7368700', line: 167 },
    ];
    const fact = (row_code: string, row_name: string, value: string): FactLike => ({
      ...base,
      row_code,
      row_name,
      column_key: 'total',
      value,
      source: 'lines 1-1',
    });
    const c = compareWithExpected(expected, [
      fact('208', '社会保障和就业支出', '469800'),
      fact('210', '卫生健康支出', '630.56'),
      fact('221', '住房保障支出', '549400'),
    ]);
    expect(c.matched).toBe(1);
    expect(c.wrong.map((w) => [w.key, w.expected.value, w.actual.value])).toEqual([
      ['income |  |  | 210 |  | total', '6305600', '630.56'],
    ]);
    expect(c.missing.map((m) => m.expected.where)).toEqual(['line 167']);
    expect(c.extra.map((e) => e.actual.value)).toEqual(['549400']);
    expect(formatComparison('t', c)).toContain('1/3 expected values found; 1 missing, 1 wrong, 1 extra');
  });
});

describe('pipeline vs corpus/expected (公开01–10 tables)', () => {
  for (const seed of SEEDS) {
    it(`${seed.stem}: every printed value found, none wrong, none extra`, async () => {
      const { extractFile } = await import('../packages/extract/src/index.ts');
      const { normalizeDocument } = await import('../packages/normalize/src/index.ts');
      const doc = normalizeDocument(await extractFile(join(CORPUS, `${seed.stem}.txt`)));
      const facts = doc.facts.filter((f) => PUBLIC_TABLE_KINDS.has(f.table_kind) && f.value_status === 'number');
      const c = compareWithExpected(readExpectedTables(expectedFile(seed.stem)), facts);
      const report = formatComparison(seed.stem, c);
      expect(c.missing.length + c.wrong.length + c.extra.length, report).toBe(0);
    });
  }
});
