/**
 * Seeds 000–004, performance self-evaluation tables (项目支出绩效自评表; 000's 表1-2-1 + 附表1): the hand-made
 * ground truth in corpus/expected/*.performance.csv is checked by arithmetic and against the source lines
 * (always), and the real pipeline is compared with it (always).
 * Conventions and the printed oddities listed below are explained in corpus/expected/PERFORMANCE.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The root package cannot resolve @ledgerlift/* yet (no workspace dependency at the root), hence the paths.
import { type Dec, dec, shift, sub, sum, toDecimalString, within } from '../packages/extract/src/common/decimal.ts';
import { compareWithExpected, type FactLike, formatComparison } from './helpers/expected-compare.ts';
import { EXPECTED_COLUMNS, type ExpectedRow, parseCsv } from './helpers/expected-csv.ts';

const CORPUS = join(import.meta.dirname, '..', 'corpus');
const MONEY_KEYS = new Set(['initial_budget', 'initial_budget_declared', 'full_year_budget', 'executed', 'balance']);
const NUMBER_KEYS = new Set([...MONEY_KEYS, 'execution_rate', 'weight', 'score']);
const TEXT_KEYS = new Set(['text', 'goal_planned', 'goal_actual', 'target', 'target_adjusted', 'actual', 'deviation']);
const TEXT_OR_GRADE = new Set([...TEXT_KEYS, 'grade']);
const CANONICAL_RE = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;
/** The first row of a funds block: the one the 总分 adds (its 得分) and the sub-rows sum to. */
const FUNDS_TOTAL = new Set(['年度资金总额', '资金总额']);

interface Seed {
  stem: string;
  tables: number;
  /** Checks that fail in the printed numbers (corpus/expected/PERFORMANCE.md explains each); all others hold. */
  printedFailures: string[];
  /** Lines whose numbers the text splits over two rows (000: 分值 "1" on 2432 + "3" on 2434 = 13). */
  splitNumbers?: number[];
}

const SEEDS: Seed[] = [
  { stem: '000_9a60f633ec701c44', tables: 16, printedFailures: [], splitNumbers: [2432] },
  { stem: '001_55a449a7ecd7ae44', tables: 2, printedFailures: [] },
  {
    stem: '002_6a44410de26ff4ed',
    tables: 12,
    printedFailures: [
      '中央财政医疗服务与保障能力提升补助资金 资金总额: execution_rate = executed / full_year_budget',
      '医疗保险征缴协管员补助资金 资金总额: execution_rate = executed / full_year_budget',
      '医疗保险征缴协管员补助资金 资金总额: balance = full_year_budget − executed',
      '医保档案整理资金 资金总额: balance = full_year_budget − executed',
    ],
  },
  {
    stem: '003_66e4b9428f21a887',
    tables: 1,
    printedFailures: [
      '医疗保险基金补助（离休人员、照顾人员门诊、住院补助）: initial_budget 年度资金总额 = Σ other funds rows',
    ],
  },
  { stem: '004_a5c24cdf4fd3c526', tables: 5, printedFailures: [] },
];

const squeeze = (s: string): string => s.replace(/\s+/gu, '');
const expectedFile = (stem: string) => join(CORPUS, 'expected', `${stem}.performance.csv`);

/** Parse an expected performance CSV; throws naming the file and line of the first bad record. */
function readExpectedPerformance(file: string): ExpectedRow[] {
  const [header, ...records] = parseCsv(readFileSync(file, 'utf8'));
  if (header?.join(',') !== EXPECTED_COLUMNS.join(',')) throw new Error(`${file}: header must be ${EXPECTED_COLUMNS}`);
  return records.map((r, i) => {
    const [table_kind = '', project = '', , row_code = '', row_path = '', row_name = '', row_line = ''] = r;
    const [column_key = '', value = '', line = ''] = r.slice(7);
    const problem =
      r.length !== EXPECTED_COLUMNS.length
        ? 'field count'
        : table_kind !== 'performance' ||
            project === '' ||
            row_name === '' ||
            row_code !== '' ||
            row_line !== '' ||
            !/^([^\s/]+ \/ [^\s/]+)?$/u.test(row_path)
          ? 'row key'
          : NUMBER_KEYS.has(column_key)
            ? !CANONICAL_RE.test(value) && 'value is not a canonical decimal'
            : TEXT_OR_GRADE.has(column_key)
              ? (value === '' || value !== squeeze(value)) && 'text value is empty or holds whitespace'
              : `unknown column_key ${column_key}`;
    if (problem || !/^[1-9]\d*$/.test(line)) throw new Error(`${file}:${i + 2}: ${problem || 'line'}: ${r}`);
    return { table_kind, project, side: '', row_code, row_path, row_name, row_line, column_key, value, line: +line };
  });
}

/** Split the rows into tables: a new one starts when the project changes or a key repeats (002 prints one twice). */
function splitTables(rows: readonly ExpectedRow[]): ExpectedRow[][] {
  const tables: ExpectedRow[][] = [];
  let seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.row_path}|${r.row_name}|${r.column_key}`;
    const current = tables.at(-1);
    if (!current || current[0]?.project !== r.project || seen.has(key)) {
      tables.push([r]);
      seen = new Set([key]);
    } else {
      current.push(r);
      seen.add(key);
    }
  }
  return tables;
}

interface Check {
  id: string;
  holds: boolean;
  detail: string;
}

/** The arithmetic a printed table must satisfy: Σ 分值/得分 = 总分, 得分 ≤ 分值, 执行率, 结转余, fund sub-rows. */
function checkTable(table: readonly ExpectedRow[]): Check[] {
  const project = table[0]?.project ?? '';
  const get = (name: string, key: string, path = '') =>
    table.find((r) => r.row_path === path && r.row_name === name && r.column_key === key);
  const total = (key: string) =>
    sum(table.filter((r) => r.row_path !== '' && r.column_key === key).map((r) => dec(r.value)));
  const checks: Check[] = [];
  const eq = (id: string, lhs: Dec, rhs: Dec, tolerance = '0') =>
    checks.push({
      id,
      holds: within(lhs, rhs, dec(tolerance)),
      detail: `${toDecimalString(lhs)} vs ${toDecimalString(rhs)}`,
    });

  const fundsRow = table.find((r) => r.row_path === '' && FUNDS_TOTAL.has(r.row_name))?.row_name ?? '';
  const fundsWeight = get(fundsRow, 'weight');
  // 001 prints 分值 100 / 得分 100 in its funds block beside a 100-point indicator block: not part of the 总分.
  const fundsAdds = fundsWeight?.value !== '100';
  const fundsPart = (key: string) => dec((fundsAdds && get(fundsRow, key)?.value) || '0');
  const totalWeight = get('总分', 'weight');
  if (totalWeight)
    eq(
      `${project}: 总分 weight = Σ indicator weight + funds weight`,
      dec(totalWeight.value),
      sum([total('weight'), fundsPart('weight')]),
    );
  const totalScore = get('总分', 'score');
  if (totalScore)
    eq(
      `${project}: 总分 score = Σ indicator score + funds score`,
      dec(totalScore.value),
      sum([total('score'), fundsPart('score')]),
    );

  for (const r of table.filter((r) => r.row_path !== '' && r.column_key === 'score')) {
    const weight = get(r.row_name, 'weight', r.row_path);
    if (weight) {
      const over = sub(dec(r.value), dec(weight.value)).units > 0n;
      checks.push({
        id: `${project} ${r.row_name}: score ≤ weight`,
        holds: !over,
        detail: `${r.value} > ${weight.value}`,
      });
    }
  }

  for (const rate of table.filter((r) => r.row_path === '' && r.column_key === 'execution_rate')) {
    const executed = get(rate.row_name, 'executed');
    const budget = get(rate.row_name, 'full_year_budget');
    if (!executed || !budget || dec(budget.value).units === 0n) continue;
    // executed / budget to 8 places, exactly (bigint), compared with the printed rate (printed to 0.01%).
    const e = shift(dec(executed.value), 8);
    const b = dec(budget.value);
    const scale = Math.max(e.scale, b.scale);
    const q = (e.units * 10n ** BigInt(scale - e.scale)) / (b.units * 10n ** BigInt(scale - b.scale));
    eq(
      `${project} ${rate.row_name}: execution_rate = executed / full_year_budget`,
      dec(rate.value),
      { units: q, scale: 8 },
      '0.00005',
    );
  }

  const balance = get(fundsRow, 'balance');
  const budget = get(fundsRow, 'full_year_budget');
  const executed = get(fundsRow, 'executed');
  if (balance && budget && executed) {
    eq(
      `${project} ${fundsRow}: balance = full_year_budget − executed`,
      dec(balance.value),
      sub(dec(budget.value), dec(executed.value)),
    );
  }

  for (const key of MONEY_KEYS) {
    const head = get(fundsRow, key);
    const parts = table.filter((r) => r.row_path === '' && r.row_name !== fundsRow && r.column_key === key);
    if (head && parts.length > 0) {
      eq(`${project}: ${key} ${fundsRow} = Σ other funds rows`, dec(head.value), sum(parts.map((r) => dec(r.value))));
    }
  }
  return checks;
}

/** How a value looks in the source text (whitespace removed): money back in 万元, rates in %. */
function printedForm(r: ExpectedRow): string {
  if (MONEY_KEYS.has(r.column_key)) return toDecimalString(shift(dec(r.value), -4));
  if (r.column_key === 'execution_rate') return toDecimalString(shift(dec(r.value), 2));
  if (NUMBER_KEYS.has(r.column_key)) return r.value;
  return r.value.slice(0, 8);
}

describe('corpus/expected/*.performance.csv (ground truth, checked by arithmetic)', () => {
  for (const seed of SEEDS) {
    const rows = () => readExpectedPerformance(expectedFile(seed.stem));

    it(`${seed.stem}: ${seed.tables} tables; sums, scores and rates hold except the documented printed oddities`, () => {
      const tables = splitTables(rows());
      expect(tables).toHaveLength(seed.tables);
      const checks = tables.flatMap(checkTable);
      expect(checks.length).toBeGreaterThan(seed.tables * 3);
      const failing = checks.filter((c) => !c.holds);
      const detail = failing.map((c) => `${c.id}: ${c.detail}`).join('\n');
      expect(failing.map((c) => c.id).sort(), detail).toEqual([...seed.printedFailures].sort());
    });

    it(`${seed.stem}: every value is printed where it cites (the line or the next few, for wrapped cells)`, () => {
      const source = readFileSync(join(CORPUS, `${seed.stem}.txt`), 'utf8').split('\n');
      const misplaced = rows().filter((r) => {
        if (seed.splitNumbers?.includes(r.line) && NUMBER_KEYS.has(r.column_key)) return false;
        const window = squeeze(source.slice(r.line - 1, r.line + 4).join('')).replaceAll(',', '');
        return !window.includes(printedForm(r));
      });
      expect(misplaced).toEqual([]);
    });
  }
});

/** Both sides in comparable form: whitespace removed from names and text (row_path keeps its ` / `). */
function comparable<T extends FactLike | ExpectedRow>(r: T): T {
  const path = r.row_path.split('/').map(squeeze).filter(Boolean).join(' / ');
  const value = TEXT_OR_GRADE.has(r.column_key) ? squeeze(r.value) : r.value;
  return { ...r, project: squeeze(r.project), row_path: path, row_name: squeeze(r.row_name), value };
}

describe('pipeline vs corpus/expected (performance tables)', () => {
  for (const seed of SEEDS) {
    it(`${seed.stem}: every printed value found, none wrong, none extra`, async () => {
      const { extractFile } = await import('../packages/extract/src/index.ts');
      const { normalizeDocument } = await import('../packages/normalize/src/index.ts');
      const doc = normalizeDocument(await extractFile(join(CORPUS, `${seed.stem}.txt`)));
      const facts = doc.facts.filter(
        (f) => f.table_kind === 'performance' && (f.value_status === 'number' || f.value_status === 'text'),
      );
      const expected = readExpectedPerformance(expectedFile(seed.stem)).map(comparable);
      const c = compareWithExpected(expected, facts.map(comparable));
      expect(c.missing.length + c.wrong.length + c.extra.length, formatComparison(seed.stem, c)).toBe(0);
    });
  }
});
