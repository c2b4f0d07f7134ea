/**
 * OCR benchmark: throughput and accuracy of ledgerlift's OCR path against the native tesseract CLI on the same
 * scanned pages, generated deterministically (budget tables with known amounts, scanned at 150–300 DPI with a
 * turn, blur, noise, JPEG and a red seal).
 *
 * Usage: npx tsx bench/ocr.ts [--pages 4] [--workers 2] [--modes js,cli,raw-cli] [--reread unproven|all|none]
 *   js       ledgerlift ocrPdf with tesseract.js (the default engine)
 *   cli      ledgerlift ocrPdf with the native CLI engine (--ocr-engine cli)
 *   raw-cli  `tesseract page.jpg stdout --psm 3 tsv`, OMP_THREAD_LIMIT=1, `workers` processes in parallel
 * --dump <prefix> writes each mode's ExtractedDocument to <prefix>.<mode>.json.
 * Writes bench/results/ocr.json (ocr-reread-<mode>.json for the other re-read modes).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExtractedDocument } from '../packages/extract/src/model.ts';
import { ocrPdf } from '../packages/extract/src/ocr/index.ts';
import { resolveTessdata } from '../packages/extract/src/ocr/tessdata.ts';
import { buildPdf } from '../packages/extract/test/fixtures/ocr/budget-pdf.ts';
import { type BudgetRow, budgetRows } from '../packages/extract/test/fixtures/ocr/budget-table.ts';
import { type ScanSettings, scanPdfPage } from '../packages/extract/test/fixtures/ocr/scan.ts';
import { addScores, type Score, scoreTable } from '../packages/extract/test/fixtures/ocr/score.ts';
import { defaultCodeList, lookupCode } from '../packages/normalize/src/index.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '4' },
    workers: { type: 'string', default: String(os.availableParallelism()) },
    modes: { type: 'string', default: 'js,raw-cli,cli' },
    reread: { type: 'string', default: 'unproven' },
    dump: { type: 'string' },
  },
});
const pageCount = Number(values.pages);
const workers = Number(values.workers);
const reread = values.reread as 'unproven' | 'all' | 'none';

/** Page k's scan: resolutions, turns and damage vary; every other page carries a seal, every third is unruled. */
function settings(k: number): { seed: number; ruled: boolean; scan: ScanSettings } {
  const dpis = [200, 300, 150, 250];
  const angles = [0.6, -1.1, 0.3, -0.4];
  return {
    seed: 100 + k,
    ruled: k % 3 !== 2,
    scan: {
      seed: 100 + k,
      dpi: dpis[k % 4]!,
      angle: angles[k % 4]!,
      blur: 1,
      noise: 5 + (k % 3) * 2,
      quality: 55 + (k % 4) * 8,
      ...(k % 2 === 0 ? { seal: { x: 0.75, y: 0.45 + 0.1 * (k % 3) } } : {}),
    },
  };
}

interface Page {
  rows: BudgetRow[];
  jpeg: Uint8Array;
  dpi: number;
}

async function makePages(): Promise<Page[]> {
  const pages: Page[] = [];
  for (let k = 0; k < pageCount; k += 1) {
    const s = settings(k);
    const rows = budgetRows(s.seed);
    const clean = await buildPdf([{ kind: 'table', rows, ruled: s.ruled }]);
    pages.push({ rows, jpeg: await scanPdfPage(clean, 1, s.scan), dpi: s.scan.dpi });
  }
  return pages;
}

const codeList = defaultCodeList();
/** Row names as the datasets carry them: normalize names a listed code's row from the code list. */
const datasetName = (code: string, printed: string) => lookupCode(codeList, 'exp_func', code, printed).name;

/** Score each page's rows: tables continued across pages are cut back to the cells printed on that page. */
function score(doc: ExtractedDocument, pages: Page[]): Score {
  let total: Score | undefined;
  pages.forEach((page, i) => {
    const onPage = doc.tables
      .filter((t) => t.pages[0] <= i + 1 && t.pages[1] >= i + 1 && t.nCols >= 5)
      .map((t) => ({ ...t, cells: t.cells.filter((c) => c.provenance.page === i + 1) }))
      .sort((a, b) => b.cells.length - a.cells.length)[0];
    const s = scoreTable(onPage ?? ({ cells: [], headerRows: 0 } as never), page.rows, datasetName);
    total = total ? addScores(total, s) : s;
  });
  return total!;
}

function runCli(file: string, dpi: number, tessdata: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [file, 'stdout', '-l', 'chi_sim+eng', '--psm', '3', '--dpi', String(dpi), '--tessdata-dir', tessdata];
    const child = spawn('tesseract', [...args, '-c', 'preserve_interword_spaces=1', 'tsv'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tesseract exited ${code}`))));
  });
}

async function rawCli(pages: Page[], dir: string): Promise<number> {
  const tessdata = resolveTessdata();
  const files = pages.map((p, i) => {
    const file = path.join(dir, `page-${i + 1}.jpg`);
    writeFileSync(file, p.jpeg);
    return { file, dpi: p.dpi };
  });
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const f = files[next++]!;
      await runCli(f.file, f.dpi, tessdata);
    }
  };
  await Promise.all(Array.from({ length: workers }, lane));
  return (performance.now() - started) / 1000;
}

/** CPU seconds used so far by this process (all threads) and its waited-for children (Linux /proc). */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    // Fields after the command name: utime is 14th, cutime/cstime are 16th/17th of the whole line.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    children = Number.NaN;
  }
  return (own.user + own.system) / 1e6 + children;
}

const pages = await makePages();
const bytes = await buildPdf(pages.map((p) => ({ kind: 'image' as const, jpeg: p.jpeg })));
const dir = mkdtempSync(path.join(os.tmpdir(), 'ledgerlift-ocr-bench-'));
const source = {
  path: 'bench-scan.pdf',
  name: 'bench-scan.pdf',
  sha256: '0'.repeat(64),
  bytes: bytes.length,
  mediaType: 'application/pdf' as const,
  pages: 0,
};
const results: Record<string, unknown>[] = [];
for (const mode of values.modes.split(',')) {
  const cpuBefore = cpuSeconds();
  if (mode === 'raw-cli') {
    const seconds = await rawCli(pages, dir);
    const cpuPerPage = (cpuSeconds() - cpuBefore) / pages.length;
    results.push({ mode, pages: pages.length, seconds, pagesPerSecond: pages.length / seconds, cpuPerPage });
    continue;
  }
  const started = performance.now();
  const doc = await ocrPdf(source, bytes, { engine: mode === 'cli' ? 'cli' : 'tesseract.js', workers, reread });
  const seconds = (performance.now() - started) / 1000;
  if (values.dump) writeFileSync(`${values.dump}.${mode}.json`, JSON.stringify(doc, null, 1));
  const s = score(doc, pages);
  results.push({
    mode: `ledgerlift-${mode}`,
    reread,
    pages: pages.length,
    seconds,
    pagesPerSecond: pages.length / seconds,
    cpuPerPage: (cpuSeconds() - cpuBefore) / pages.length,
    amounts: s.amounts,
    exact: s.exact,
    exactShare: s.exact / s.amounts,
    flaggedWrong: s.flaggedWrong,
    unflaggedWrong: s.unflaggedWrong,
    missing: s.missing,
    codes: `${s.codesRight}/${s.codes}`,
    names: `${s.namesRight}/${s.names}`,
    wrong: s.wrong,
  });
}
for (const r of results) {
  const { wrong, ...rest } = r as { wrong?: string[] };
  console.log(JSON.stringify(rest));
  for (const w of wrong ?? []) console.log(`    ${w}`);
}
rmSync(dir, { recursive: true, force: true });
const raw = results.find((r) => r.mode === 'raw-cli');
for (const ours of results.filter((r) => String(r.mode).startsWith('ledgerlift-'))) {
  if (!raw) break;
  const ratio = (ours.pagesPerSecond as number) / (raw.pagesPerSecond as number);
  const cpuRatio = (raw.cpuPerPage as number) / (ours.cpuPerPage as number);
  console.log(
    `${ours.mode} / native CLI: throughput ${ratio.toFixed(2)}× (target ≥ 0.8×), CPU per page ${cpuRatio.toFixed(2)}×`,
  );
}
mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  path.join(import.meta.dirname, 'results', reread === 'unproven' ? 'ocr.json' : `ocr-reread-${reread}.json`),
  `${JSON.stringify({ cores: os.availableParallelism(), load: os.loadavg(), workers, results }, null, 2)}\n`,
);
