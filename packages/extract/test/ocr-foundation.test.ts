import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateSkew } from '../src/ocr/deskew.ts';
import { parseTsv } from '../src/ocr/engine.ts';
import { rotate, toPgm } from '../src/ocr/raster.ts';
import { detectRulings } from '../src/ocr/rulings.ts';
import { OcrSetupError, resolveTessdata } from '../src/ocr/tessdata.ts';
import { COLUMN_WIDTHS, drawTable, ORIGIN, ROW_HEIGHT, TABLE_ROWS } from './fixtures/ocr/draw-table.ts';

describe('OCR language data', () => {
  it('fails with one clear line when the data is missing, before any worker starts', () => {
    expect(() => resolveTessdata('/nonexistent/tessdata')).toThrow(OcrSetupError);
    try {
      resolveTessdata('/nonexistent/tessdata');
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).toMatch(/chi_sim\.traineddata.*\/nonexistent\/tessdata.*--tessdata/);
    }
  });

  it('prefers LEDGERLIFT_TESSDATA over the system folders', () => {
    const system = '/usr/share/tesseract-ocr/5/tessdata';
    expect(resolveTessdata(undefined, { LEDGERLIFT_TESSDATA: system })).toBe(system);
    expect(() => resolveTessdata(undefined, { LEDGERLIFT_TESSDATA: '/nope' })).not.toThrow();
  });
});

describe('raster geometry', () => {
  it('finds every ruling of a drawn table, and only those', () => {
    const rulings = detectRulings(drawTable());
    const h = rulings.filter((r) => r.orientation === 'h').map((r) => Math.round((r.top + r.bottom) / 2));
    const v = rulings.filter((r) => r.orientation === 'v').map((r) => Math.round((r.x0 + r.x1) / 2));
    const expectedH = TABLE_ROWS.map((_, i) => ORIGIN.y + i * ROW_HEIGHT).concat(
      ORIGIN.y + TABLE_ROWS.length * ROW_HEIGHT,
    );
    const expectedV = [ORIGIN.x];
    for (const w of COLUMN_WIDTHS) expectedV.push(expectedV.at(-1)! + w);
    expect(h.sort((a, b) => a - b)).toEqual(expectedH.map((y) => expect.closeTo(y, 0) as unknown as number));
    expect(v.sort((a, b) => a - b)).toHaveLength(expectedV.length);
    for (const [i, x] of v.entries()) expect(Math.abs(x - expectedV[i]!)).toBeLessThanOrEqual(2);
  });

  it('measures a 1.5° skew and straightening it restores the rulings', () => {
    const tilted = rotate(drawTable(), 1.5);
    const skew = estimateSkew(tilted);
    expect(skew).toBeCloseTo(-1.5, 1);
    const straight = rotate(tilted, skew);
    const h = detectRulings(straight).filter((r) => r.orientation === 'h');
    expect(h).toHaveLength(TABLE_ROWS.length + 1);
  });

  it('encodes PGM as header plus raw pixels', () => {
    const pgm = toPgm({ width: 2, height: 1, data: new Uint8Array([0, 255]) });
    expect(Buffer.from(pgm).toString('latin1')).toBe('P5\n2 1\n255\n\x00\xff');
  });
});

describe('tesseract TSV', () => {
  it('reads word rows with boxes, confidence and line ids', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t10\t20\t300\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t20\t100\t40\t96.5\t合计',
      '5\t1\t1\t1\t1\t2\t200\t20\t110\t40\t91\t736.87',
      '5\t1\t1\t1\t2\t1\t10\t80\t100\t40\t88\t208',
    ].join('\n');
    expect(parseTsv(tsv)).toEqual([
      { text: '合计', box: { x0: 10, top: 20, x1: 110, bottom: 60 }, confidence: 0.965, line: 1 },
      { text: '736.87', box: { x0: 200, top: 20, x1: 310, bottom: 60 }, confidence: 0.91, line: 1 },
      { text: '208', box: { x0: 10, top: 80, x1: 110, bottom: 120 }, confidence: 0.88, line: 2 },
    ]);
  });
});

describe('offline OCR', () => {
  it('runs the engine, ocrPdf and extractImage inside a network namespace with no network at all', () => {
    const script = path.join(import.meta.dirname, 'fixtures/ocr/offline-ocr.ts');
    // `unshare -n` gives the process an empty network namespace: any download attempt would fail.
    const run = spawnSync('unshare', ['-n', process.execPath, '--import', 'tsx', script], {
      encoding: 'utf8',
      cwd: path.join(import.meta.dirname, '..'),
      timeout: 170_000,
    });
    expect(run.stderr).not.toMatch(/fetch failed|ENOTFOUND|ENETUNREACH|EAI_AGAIN/);
    expect(run.status).toBe(0);
    const [engineLine, pdfLine, pngLine] = run.stdout.trim().split('\n');
    const words: string[] = JSON.parse(engineLine!);
    for (const amount of ['2126408.93', '264988.93', '5320000.00']) expect(words).toContain(amount);
    for (const code of ['208', '20805', '2101301']) expect(words).toContain(code);
    // The same drawn table as a scanned PDF page and as a PNG: one ruled table with its codes and amounts.
    for (const line of [pdfLine!, pngLine!]) {
      const { cells }: { cells: string[] } = JSON.parse(line);
      for (const text of ['208', '20805', '2101301', '社会保障和就业支出', '城乡医疗救助'])
        expect(cells).toContain(text);
      for (const text of ['2126408.93', '264988.93', '5320000.00']) expect(cells).toContain(text);
    }
    // The page is a 300 DPI scan; scans are drawn at SCAN_DPI (200) for recognition.
    expect(JSON.parse(pdfLine!).warnings).toEqual(['page 1: OCR at 200 DPI (no text layer)']);
  }, 180_000);
});
