/**
 * Coverage against the maintainers' expected values (corpus/expected, written by reading the seeds): every
 * printed value listed there for the tab-separated seeds must be found in an extracted cell printed on that
 * line, reading the same number (万元 tables: value = printed × 10000; 执行率: value = printed % / 100) or the
 * same text. This checks that no printed value is lost or altered; it does not check normalize's mapping.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../test/helpers/expected-csv.ts';
import { parseAmount } from '../src/common/amount.ts';
import { cmp, dec, isDecimal, shift } from '../src/common/decimal.ts';
import { type Cell, seedTables } from './fixtures/tabbed/helpers.ts';

interface Expected {
  value: string;
  line: number;
  key: string;
}

/** Rows of an expected CSV, or none when the file is absent. */
function readExpected(file: string): Expected[] {
  const url = new URL(`../../../corpus/expected/${file}`, import.meta.url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch {
    return [];
  }
  const [header, ...body] = parseCsv(text);
  const col = (name: string): number => header!.indexOf(name);
  return body
    .filter((r) => r.length > 1)
    .map((r) => ({
      value: r[col('value')]!,
      line: Number(r[col('line')]),
      key: `${r[col('table_kind')]}|${r[col('project')]}|${r[col('row_path')]}|${r[col('row_name')]}|${r[col('column_key')]}`,
    }));
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** True when the cell prints the expected value (same number, ×10000, or % / 100; or the same text). */
function prints(cell: Cell, value: string): boolean {
  const text = cell.text.trim();
  if (isDecimal(value)) {
    const percent = /%$/.test(text);
    const parsed = parseAmount(text.replace(/%$/, ''));
    if (parsed.status !== 'number' || parsed.value === undefined) return false;
    const printed = dec(parsed.value);
    const want = dec(value);
    if (percent) return cmp(printed, shift(want, 2)) === 0;
    return cmp(printed, want) === 0 || cmp(shift(printed, 4), want) === 0;
  }
  return squash(text) === squash(value) || (squash(value).length > 0 && squash(text).includes(squash(value)));
}

const SEEDS = ['000_9a60f633ec701c44', '001_55a449a7ecd7ae44', '003_66e4b9428f21a887', '004_a5c24cdf4fd3c526'];

describe('every expected printed value is extracted on its line', () => {
  for (const stem of SEEDS) {
    const expected = [...readExpected(`${stem}.tables.csv`), ...readExpected(`${stem}.performance.csv`)];
    it.runIf(expected.length > 0)(`${stem}: ${expected.length} values`, () => {
      const cells = seedTables(stem).tables.flatMap((t) => t.cells.filter((c) => !c.header || t.headerRows === 0));
      const missing = expected.filter(
        (e) =>
          !cells.some((c) => {
            const [a, b] = c.provenance.lines!;
            return a <= e.line && e.line <= b && prints(c, e.value);
          }),
      );
      expect(missing.map((m) => `${m.line} ${m.key} = ${m.value}`)).toEqual([]);
    });
  }
});
