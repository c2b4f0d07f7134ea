/**
 * PDF extraction on a few PDFs written by other people (corpus-external). Each asserted row was checked
 * by hand against the expected JSON of the corpus and against the page itself (pdftotext -layout).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableRows } from '../src/pdf/grid.ts';
import { extractPdf } from '../src/pdf/index.ts';
import { readSource } from '../src/source.ts';

const corpus = process.env.CORPUS_EXTERNAL ?? '/work/shared/corpus-external';

const docs = new Map<string, ReturnType<typeof extractPdf>>();
async function rowsOnPage(rel: string, page: number): Promise<string[][][]> {
  if (!docs.has(rel)) {
    docs.set(
      rel,
      readSource(path.join(corpus, rel)).then(({ source, bytes }) => extractPdf(source, bytes)),
    );
  }
  const doc = await docs.get(rel)!;
  return doc.tables.filter((t) => t.pages[0] <= page && page <= t.pages[1]).map((t) => tableRows(t, page));
}

const hasRow = (tables: string[][][], row: string[]) =>
  tables.some((t) => t.some((r) => r.length === row.length && r.every((c, i) => c === row[i])));

describe.skipIf(!existsSync(corpus))('extractPdf on external PDFs', () => {
  it('WPS 收入支出决算总表 (cn-budget, 财政局 p6): two-sided row exact', async () => {
    const tables = await rowsOnPage('cn-budget/putuo-caizhengju-2024-juesuan.pdf', 6);
    expect(hasRow(tables, ['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66'])).toBe(true);
  });

  it('landscape 三公 table with a 3-level merged header (财政局 p18): 小计 stays one cell over its row line', async () => {
    const tables = await rowsOnPage('cn-budget/putuo-caizhengju-2024-juesuan.pdf', 18);
    const sangong = tables.find((t) => t.some((r) => r.includes('公务接待费')));
    expect(sangong?.[2]).toEqual(['', '', '', '', '小计', '', '公务用车购置费', '', '公务用车运行费', '', '', '']);
    expect(hasRow(tables, ['0.95', '', '', '', '', '', '', '', '', '', '0.95', ''])).toBe(true);
  });

  it('budget summary (商务委 p9): amounts in neighbouring cells are not glued', async () => {
    const tables = await rowsOnPage('cn-budget/putuo-shangwuwei-2025-danwei-yusuan.pdf', 9);
    const total = [
      '收入总计',
      '371,514,655.00',
      '支出总计',
      '371,514,655.00',
      '18,120,593.00',
      '1,710,062.00',
      '351,684,000.00',
    ];
    expect(hasRow(tables, total)).toBe(true);
  });

  it('ICDAR eu-004 p2 (ruled header, unruled body): one row per country', async () => {
    const tables = await rowsOnPage('icdar2013/eu-004.pdf', 2);
    expect(hasRow(tables, ['Germany', '27.5', '81.9', '415.3', '196', '373', '898'])).toBe(true);
  });

  it('camelot clockwise_table_1: a table printed sideways comes out upright', async () => {
    const tables = await rowsOnPage('camelot/clockwise_table_1.pdf', 1);
    expect(hasRow(tables, ['Kerala', '5738', '6633', '8864', '8297', '245', '2161', '3195', '1645', '2391'])).toBe(
      true,
    );
  });
});
