/**
 * Other outputs of the same converter family (fixtures/raw/, written by hand): 万元 with thousands separators,
 * no 栏次 row, a page break with furniture inside the table. Values checked by arithmetic in the fixture.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExtractedTableSchema } from '../src/model.ts';
import { toLines } from '../src/text/lines.ts';
import { readRawTables } from '../src/text/raw/index.ts';

const fixture = (name: string) => readFileSync(new URL(`fixtures/raw/${name}`, import.meta.url), 'utf8');

describe('raw text variants', () => {
  it('万元 table with thousands separators, no 栏次 and a page break', () => {
    const { tables, warnings } = readRawTables(toLines(fixture('variant-wanyuan-commas.txt')));
    expect(warnings).toEqual([]);
    expect(tables).toHaveLength(1);
    const t = ExtractedTableSchema.parse(tables[0]);
    expect(t.title).toBe('一般公共预算财政拨款支出决算表');
    expect(t.caption.map((c) => c.text)).toContain('部门名称：某市某局 2023年度  单位：万元');
    expect(t.warnings).toEqual([]);
    const rows = new Map<string, (string | undefined)[]>();
    for (let r = t.headerRows; r < t.nRows; r++) {
      const cells = t.cells.filter((c) => c.row === r);
      rows.set(
        cells.find((c) => c.col === 0)?.text ?? '',
        [1, 2, 3, 4].map((col) => cells.find((c) => c.col === col)?.text),
      );
    }
    expect([...rows.keys()]).toEqual(['合计', '208', '20805', '2080505', '2080599', '210', '21011']);
    expect(rows.get('合计')).toEqual([undefined, '1,234.56', '1,000.00', '234.56']);
    expect(rows.get('20805')).toEqual(['行政事业单位养老支出', '1,100.00', '1,000.00', '100.00']);
    expect(rows.get('2080505')).toEqual(['机关事业单位基本养老保险缴费支出', '1,000.00', '1,000.00', undefined]);
    expect(rows.get('2080599')).toEqual(['其他行政事业单位养老支出', '100.00', undefined, '100.00']);
    expect(rows.get('21011')).toEqual(['行政事业单位医疗', '134.56', undefined, '134.56']);
    const header = t.cells.filter((c) => c.header).map((c) => c.text);
    expect(header).toEqual(['项目', '本年支出', '科目编码', '科目名称', '合计', '基本支出', '项目支出']);
  });
});
