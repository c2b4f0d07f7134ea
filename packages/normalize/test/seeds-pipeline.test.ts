/**
 * The real pipeline (extractFile → normalizeDocument) on the seed texts: every value carries a canonical
 * table kind and column key, coded rows carry their code, level and parent, and the 26 类 of the summary
 * tables are mapped by name. Values themselves are compared with corpus/expected by test/seeds-*.test.ts.
 */
import { join } from 'node:path';
import { extractFile } from '@ledgerlift/extract';
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../src/index.ts';

const CORPUS = join(import.meta.dirname, '../../../corpus');
const SEEDS = [
  { stem: '000_9a60f633ec701c44', entity: '郑州市中原区医疗保障局', year: '2022', unit: '万元' },
  { stem: '001_55a449a7ecd7ae44', entity: '原州区医疗保障局', year: '2023', unit: '元' },
  { stem: '002_6a44410de26ff4ed', entity: '大宁县医疗保障局', year: '2022', unit: '元' },
];

describe.each(SEEDS)('seed $stem through extract + normalize', (seed) => {
  const run = async () => normalizeDocument(await extractFile(join(CORPUS, `${seed.stem}.txt`)));

  it('finds the entity, year and the 公开 tables with their unit', async () => {
    const doc = await run();
    expect(doc.meta).toMatchObject({ entity: seed.entity, year: seed.year, reportType: '决算' });
    const kinds = doc.tables.filter((t) => t.kind !== 'performance' && t.kind !== 'unknown');
    expect(new Set(kinds.map((t) => t.kind))).toEqual(
      new Set([
        'summary',
        'income',
        'expenditure',
        'appropriation_summary',
        'general_budget',
        'general_budget_basic',
        'gov_fund',
        'state_capital',
        'three_public',
        ...(seed.stem.startsWith('002') ? ['other_info'] : []),
      ]),
    );
    expect(kinds.every((t) => t.unitPrinted === seed.unit)).toBe(true);
  });

  it('gives every printed value of a known table a canonical column and row key', async () => {
    const doc = await run();
    const printed = doc.facts.filter((f) => f.table_kind !== 'unknown' && f.value_status === 'number');
    expect(printed.length).toBeGreaterThan(100);
    expect(printed.filter((f) => f.column_key.startsWith('col_'))).toEqual([]);
    expect(printed.filter((f) => f.row_code === '' && f.row_name === '' && f.table_kind !== 'three_public')).toEqual(
      [],
    );
    for (const f of printed.filter((x) => x.row_code !== '')) {
      expect(f.row_level).toBe({ 3: '类', 5: '款', 7: '项' }[f.row_code.length]);
      expect(f.parent_code).toBe(f.row_code.length > 3 ? f.row_code.slice(0, -2) : '');
      expect(f.code_status).toBe('ok');
      expect(f.source).toMatch(/^lines \d+-\d+$/);
    }
  });

  it('maps the 26 类 of the summary tables by name', async () => {
    const doc = await run();
    for (const kind of ['summary', 'appropriation_summary'] as const) {
      const rows = doc.tables.filter((t) => t.kind === kind).flatMap((t) => t.rows);
      const lei = new Set(rows.filter((r) => r.side === 'expenditure' && r.level === '类').map((r) => r.code));
      expect(lei.size, kind).toBe(26);
    }
  });
});
