/**
 * PDF extraction on generated budget tables: every cell is compared with the generator's input.
 * The fixture PDF is rendered in memory (pdfkit), so nothing here depends on extraction output files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExtractedDocument, ExtractedDocumentSchema, type ExtractedTable } from '../src/model.ts';
import { dedupeGlyphs } from '../src/pdf/dedupe.ts';
import { tableRows } from '../src/pdf/grid.ts';
import { extractPdf } from '../src/pdf/index.ts';
import type { Glyph } from '../src/pdf/types.ts';
import { expectedRows, renderPdf } from './fixtures/pdf/generate.ts';
import {
  basicSideBySideTable,
  budgetPages,
  expenditureTable,
  incomeTable,
  threePublicTable,
} from './fixtures/pdf/specs.ts';

const source = (bytes: Uint8Array) => ({
  path: 'fixtures/budget.pdf',
  name: 'budget.pdf',
  sha256: '0'.repeat(64),
  bytes: bytes.byteLength,
  mediaType: 'application/pdf' as const,
  pages: 0,
});

let doc: ExtractedDocument;
const table = (title: string): ExtractedTable => {
  const t = doc.tables.find((x) => x.title === title);
  if (!t) throw new Error(`no table titled ${title}; got ${doc.tables.map((x) => x.title).join(', ')}`);
  return t;
};

beforeAll(async () => {
  const bytes = await renderPdf(budgetPages);
  doc = await extractPdf(source(bytes), bytes);
});

describe('extractPdf on generated budget tables', () => {
  it('finds the four tables and counts the pages; the document passes its schema', () => {
    expect(ExtractedDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.source.pages).toBe(5);
    expect(doc.tables.map((t) => t.title)).toEqual([
      '收入决算表',
      '支出决算表',
      '财政拨款“三公”经费支出决算表',
      '一般公共预算财政拨款基本支出决算表',
    ]);
  });

  it('ruled 收入决算表 continued on page 2: header repeated once, every cell exact, fake bold removed', () => {
    const t = table('收入决算表');
    expect(t.method).toBe('pdf-lattice');
    expect(t.pages).toEqual([1, 2]);
    expect(t.headerRows).toBe(2);
    expect(tableRows(t)).toEqual(expectedRows(incomeTable));
    // The wrapped name is one cell; real repeated digits survive the fake-bold dedupe.
    expect(tableRows(t).map((r) => r[1])).toContain('其他政府办公厅（室）及相关机构事务支出');
    expect(tableRows(t).flat()).toContain('1,111.11');
    // Rows keep the page they were printed on (12 body rows on page 1).
    const onPage2 = t.cells.filter((c) => c.text === '2080506');
    expect(onPage2.map((c) => c.provenance.page)).toEqual([2]);
    expect(t.caption.map((l) => l.text)).toEqual([
      '收入决算表',
      '单位：万元 公开02表',
      '注：本表反映部门本年度取得的各项收入情况。',
    ]);
    expect(t.cells.filter((c) => c.header).map((c) => c.text)).toEqual([
      '项目',
      '本年收入合计',
      '财政拨款收入',
      '其他收入',
      '科目编码',
      '科目名称',
    ]);
  });

  it('unruled 支出决算表 (元): columns from alignment, amounts never glued', () => {
    const t = table('支出决算表');
    expect(t.method).toBe('pdf-stream');
    expect(t.pages).toEqual([3, 3]);
    expect(t.headerRows).toBe(1);
    expect(tableRows(t)).toEqual(expectedRows(expenditureTable));
    expect(t.caption.map((l) => l.text)).toContain('单位：元 公开03表');
  });

  it('landscape 三公 table: three header levels with row and column spans (Word-style rectangle borders)', () => {
    const t = table('财政拨款“三公”经费支出决算表');
    expect(t.headerRows).toBe(3);
    expect(tableRows(t)).toEqual(expectedRows(threePublicTable));
    const vehicle = t.cells.filter((c) => c.text === '公务用车购置及运行费');
    expect(vehicle.map((c) => [c.row, c.col, c.colspan])).toEqual([
      [1, 2, 3],
      [1, 8, 3],
    ]);
    expect(t.cells.find((c) => c.text === '公务接待费')?.rowspan).toBe(2);
    expect(t.layout.kind).toBe('grid');
  });

  it('sideways page: 06表 comes out upright with side-by-side blocks of 3 columns', () => {
    const t = table('一般公共预算财政拨款基本支出决算表');
    expect(t.pages).toEqual([5, 5]);
    expect(tableRows(t)).toEqual(expectedRows(basicSideBySideTable));
    expect(t.layout).toEqual({ kind: 'side-by-side', blockWidth: 3 });
  });

  it('keeps page numbers out of tables but in the document text', () => {
    const cells = doc.tables.flatMap((t) => t.cells.map((c) => c.text));
    expect(cells.some((c) => /^-\s*\d+\s*-$/.test(c))).toBe(false);
    expect(doc.text.filter((l) => /^-\s*\d+\s*-$/.test(l.text)).map((l) => l.page)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.text.every((l, i) => l.lineNo === i + 1)).toBe(true);
  });
});

describe('dedupeGlyphs', () => {
  const glyph = (ch: string, x0: number, width = 9): Glyph => ({
    ch,
    x0,
    x1: x0 + width,
    top: 100,
    bottom: 109,
    baseline: 107,
    size: 9,
    font: 'f',
    spaceBefore: false,
    upright: true,
  });

  it('drops a character overprinted 0.3 pt to the right (fake bold)', () => {
    const kept = dedupeGlyphs([glyph('收', 10), glyph('入', 19), glyph('收', 10.3), glyph('入', 19.3)]);
    expect(kept.map((g) => g.ch).join('')).toBe('收入');
  });

  it('keeps real repeated characters side by side (常常, 11)', () => {
    expect(dedupeGlyphs([glyph('常', 10), glyph('常', 19)]).length).toBe(2);
    expect(dedupeGlyphs([glyph('1', 10, 5), glyph('1', 15, 5)]).length).toBe(2);
  });
});
