import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Site, startSite } from '../packages/crawl/test/fixtures/site.ts';
import { ledgerlift } from './fixtures/cli/spawn-cli.ts';

/** A one-page ruled 一般公共预算财政拨款支出决算表 in 元, drawn with pdfkit; values checked by hand: 合计 = Σ 类, 类 = Σ 款. */
function budgetPdf(): Promise<Buffer> {
  const rows = [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['', '合计', '498406.93', '498406.93', ''],
    ['208', '社会保障和就业支出', '264988.93', '264988.93', ''],
    ['20805', '行政事业单位养老支出', '264988.93', '264988.93', ''],
    ['2080505', '机关事业单位基本养老保险缴费支出', '234203.54', '234203.54', ''],
    ['2080506', '机关事业单位职业年金缴费支出', '30785.39', '30785.39', ''],
    ['221', '住房保障支出', '233418.00', '233418.00', ''],
    ['22102', '住房改革支出', '233418.00', '233418.00', ''],
    ['2210201', '住房公积金', '233418.00', '233418.00', ''],
  ];
  const widths = [70, 200, 80, 80, 80];
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.registerFont('zh', '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 'WenQuanYiZenHei');
    doc.font('zh').fontSize(14).text('一般公共预算财政拨款支出决算表', 40, 50, { width: 510, align: 'center' });
    doc.fontSize(9).text('部门：某县医疗保障局', 40, 80).text('单位：元', 480, 80);
    let y = 100;
    for (const row of rows) {
      let x = 40;
      row.forEach((text, i) => {
        doc.rect(x, y, widths[i]!, 22).lineWidth(0.5).stroke();
        const align = i >= 2 ? 'right' : 'left';
        doc.text(text, x + 3, y + 7, { width: widths[i]! - 6, align, lineBreak: false });
        x += widths[i]!;
      });
      y += 22;
    }
    doc.end();
  });
}

let site: Site;
beforeAll(async () => {
  site = await startSite({ files: { '/files/2023-juesuan.pdf': await budgetPdf() } });
});
afterAll(() => site.close());

describe('ledgerlift crawl, then ledgerlift run on the store', { timeout: 240_000 }, () => {
  it('yields facts from the downloaded documents', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'll-crawl-run-'));
    const store = path.join(work, 'store');
    const crawled = await ledgerlift(
      'crawl',
      `${site.origin}/list/index.html`,
      '--out',
      store,
      '--timeout-ms',
      '500',
      '--interval-ms',
      '0',
      '--max-bytes',
      '1000000',
    );
    // The fixture site has a 500, a timeout, a huge file and a robots-disallowed link: recorded, exit 1.
    expect(crawled.code).toBe(1);
    expect(crawled.stdout, crawled.stdout).toMatch(/^2 listing pages; 5 fetched, 0 unchanged, \d+ skipped, 4 failed/);
    const manifest = JSON.parse(await readFile(path.join(store, 'manifest.json'), 'utf8'));
    const pdfEntry = Object.values(manifest.documents as Record<string, { url: string; file: string }>).find((d) =>
      d.url.endsWith('/files/2023-juesuan.pdf'),
    )!;

    const out = path.join(work, 'out');
    const ran = await ledgerlift('run', store, '--out', out);
    const run = JSON.parse(await readFile(path.join(out, 'run.json'), 'utf8'));
    const status = Object.fromEntries(
      run.documents.map((d: { path: string; status: string }) => [path.relative(store, d.path), d.status]),
    );
    expect(status[pdfEntry.file]).toBe('ok');
    // The stand-in PDFs of the fixture site are not real PDFs: failed with a reason, the batch went on.
    expect(ran.code).toBe(1);

    const facts = (await readFile(path.join(out, 'facts.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    const fromPdf = facts.filter((f) => f.document === path.basename(pdfEntry.file));
    const fact = (code: string, column: string) =>
      fromPdf.find((f) => f.row_code === code && f.column_key === column)?.value;
    expect(fromPdf[0]?.table_kind).toBe('general_budget');
    expect(fact('2080505', 'total')).toBe('234203.54');
    expect(fact('2080506', 'basic')).toBe('30785.39');
    expect(fact('2210201', 'total')).toBe('233418');
    // The HTML disclosure's table came through too (万元 → 元).
    expect(facts.some((f) => f.value_printed === '736.87')).toBe(true);
  });
});
