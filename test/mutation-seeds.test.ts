/**
 * The unmodified seeds through the real pipeline (text extractor → normalizer → validation): 000 and 002 pass
 * every check, 001 reports exactly the inconsistencies it really prints (worked out by hand from its text):
 * 04 prints 卫生健康 6,106,079.83 (本年支出合计 7,295,041.17) where 01/03/05 print 6,078,929.72 (7,267,891.06);
 * 06 合计 4,448,400.69 ≠ 05 基本支出 4,217,447.45; 06 公用经费合计 343,371.77 leaves out 310 (32,835.00);
 * its text restates 06's 4,448,400.69 as 一般公共预算财政拨款基本支出 and says 资本性支出 0 where 06 prints 32,835.00.
 */
import { extractFile } from '@ledgerlift/extract';
import { normalizeDocument } from '@ledgerlift/normalize';
import { describe, expect, it } from 'vitest';
import { validateDocuments } from '../packages/normalize/src/validate/index.ts';

const seed = (name: string) => new URL(`../corpus/${name}`, import.meta.url).pathname;
const validate = async (name: string) => validateDocuments([normalizeDocument(await extractFile(seed(name)))]);
const failed = (results: Awaited<ReturnType<typeof validate>>) =>
  results.filter((r) => r.status === 'fail').map((r) => `${r.check.replace(/\/L\d+$/, '')} ${r.severity}`);

describe('unmodified seeds through the real pipeline', () => {
  it('000 passes every check (rounding differences noted as warnings)', async () => {
    const results = await validate('000_9a60f633ec701c44.txt');
    expect(failed(results)).toEqual([]);
    expect(results.filter((r) => r.status === 'pass').length).toBeGreaterThan(300);
    expect(results.filter((r) => r.severity === 'warning').every((r) => r.status === 'pass')).toBe(true);
  });

  it('002 passes every check', async () => {
    const results = await validate('002_6a44410de26ff4ed.txt');
    expect(failed(results)).toEqual([]);
    expect(results.filter((r) => r.status === 'pass').length).toBeGreaterThan(200);
  });

  it('001 reports exactly its real inconsistencies, with the cells', async () => {
    const results = await validate('001_55a449a7ecd7ae44.txt');
    expect(failed(results).sort()).toEqual(
      [
        'cross/appropriation-general_budget/210 error',
        'cross/appropriation-general_budget/total error',
        'cross/basic-detail/amount error',
        'general_budget_basic/public-use/amount error',
        'narrative/一般公共预算财政拨款基本支出 warning',
        'narrative/经济分类 资本性支出 warning',
      ].sort(),
    );
    const cls = results.find((r) => r.check === 'cross/appropriation-general_budget/210');
    expect(cls?.cells.map((c) => [c.table_kind, c.column, c.value])).toEqual([
      ['appropriation_summary', 'general_budget', '6106079.83'],
      ['general_budget', 'total', '6078929.72'],
    ]);
    const pub = results.find((r) => r.check === 'general_budget_basic/public-use/amount');
    expect(pub?.cells.map((c) => c.value)).toEqual(expect.arrayContaining(['343371.77', '32835']));
  });
});
