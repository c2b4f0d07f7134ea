import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../src/extract-file.ts';
import { decodeHtml } from '../src/html/decode.ts';
import { extractHtml } from '../src/html/index.ts';
import type { Cell, SourceDocument } from '../src/model.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/html/three-public.gbk.html');
const source = (name: string): SourceDocument => ({
  path: name,
  name,
  sha256: '0'.repeat(64),
  bytes: 1,
  mediaType: 'text/html',
  pages: 1,
});
const at = (cells: Cell[], row: number, col: number) => cells.find((c) => c.row === row && c.col === col);

describe('extractHtml', () => {
  it('decodes a GB2312 page declared in <meta> and expands spans onto the grid', async () => {
    const doc = await extractFile(fixture);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.title).toBe('财政拨款“三公”经费支出决算表');
    expect(t.caption.map((l) => l.text)).toContain('单位：万元');
    expect([t.nRows, t.nCols, t.headerRows]).toEqual([5, 12, 3]);
    // 公务用车购置及运行维护费 spans three columns starting at column 2; 小计 sits under it.
    expect(at(t.cells, 1, 2)).toMatchObject({ text: '公务用车购置及运行维护费', colspan: 3, header: true });
    expect(at(t.cells, 2, 2)?.text).toBe('小计');
    expect(at(t.cells, 1, 5)).toMatchObject({ text: '公务接待费', rowspan: 2 });
    expect(at(t.cells, 2, 8)?.text).toBe('小计');
    // Values as printed, each in its own column; provenance is the source line.
    expect(at(t.cells, 4, 6)).toMatchObject({ text: '2.87', header: false });
    expect(at(t.cells, 4, 11)?.text).toBe('0.26');
    expect(at(t.cells, 4, 11)?.provenance.lines?.[0]).toBe(14);
    expect(doc.text.some((l) => l.text.includes('支出决算数2.87万元'))).toBe(true);
  });

  it('reads undeclared GBK bytes as GB18030 and UTF-8 as UTF-8', () => {
    const text = '<p>收入决算表</p>';
    expect(decodeHtml(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(text);
    const gbk = new Uint8Array([0xca, 0xd5, 0xc8, 0xeb]); // 收入 in GBK
    expect(decodeHtml(gbk)).toBe('收入');
    expect(decodeHtml(gbk, 'text/html; charset=GBK')).toBe('收入');
  });

  it('detects header rows without <th> from the first row holding amounts', async () => {
    const html = '<table><tr><td>项目</td><td>金额</td></tr><tr><td>办公费</td><td>1,200.50</td></tr></table>';
    const doc = await extractHtml(source('a.html'), new Uint8Array(Buffer.from(html)));
    expect(doc.tables[0]).toMatchObject({ headerRows: 1, nRows: 2, nCols: 2 });
    expect(at(doc.tables[0]!.cells, 1, 1)).toMatchObject({ text: '1,200.50', header: false });
  });

  it('rejects bytes that are not HTML, naming the file', async () => {
    await expect(extractHtml(source('x.html'), new Uint8Array(Buffer.from('just words')))).rejects.toThrow(
      /^x\.html: not an HTML document$/,
    );
  });
});
