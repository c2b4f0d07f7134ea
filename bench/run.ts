/**
 * PDF extraction benchmark: ledgerlift (pdfjs-dist) against `pdftotext -layout` (poppler) on the same PDFs
 * in one run — pages/s and peak RSS of both — plus a generated 500-page PDF for the memory ceiling.
 * Usage: pnpm bench [-- --corpus DIR] [--pages 500] [--no-corpus]
 * Writes bench/results/bench-<timestamp>.json and prints a table.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderPdf } from '../packages/extract/test/fixtures/pdf/generate.ts';
import { budgetPages } from '../packages/extract/test/fixtures/pdf/specs.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const here = import.meta.dirname;
const results = path.join(here, 'results');
mkdirSync(results, { recursive: true });
const corpus = opt('--corpus') ?? process.env.CORPUS_EXTERNAL ?? '/work/shared/corpus-external';
const bigPages = Number(opt('--pages') ?? 500);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** The generated long document: the fixture pages repeated up to `bigPages` pages. */
async function bigPdf(): Promise<string> {
  const file = path.join(results, `generated-${bigPages}p.pdf`);
  if (!existsSync(file)) {
    const perCopy = 5; // budgetPages renders 5 pages (the income table runs on over two)
    const pages = Array.from({ length: Math.ceil(bigPages / perCopy) }, () => budgetPages).flat();
    writeFileSync(file, await renderPdf(pages));
  }
  return file;
}

function corpusPdfs(): string[] {
  if (args.includes('--no-corpus') || !existsSync(corpus)) return [];
  return readdirSync(corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(corpus, d.name))
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => path.join(corpus, d.name, f)),
    )
    .sort();
}

interface Measure {
  pages: number;
  seconds: number;
  peakRssMb: number;
}

/** Run a command under /usr/bin/time when present: wall seconds and peak RSS (MB). */
function timed(cmd: string, cmdArgs: string[]): { seconds: number; peakRssMb: number; stdout: string } {
  const started = performance.now();
  const res = timeBin
    ? spawnSync(timeBin, ['-f', '__TIME__ %M', cmd, ...cmdArgs], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  const m = /__TIME__ (\d+)/.exec(res.stderr ?? '');
  return { seconds, peakRssMb: m ? Number(m[1]) / 1024 : Number.NaN, stdout: res.stdout ?? '' };
}

function ledgerlift(files: string[]): Measure & { perFile: { file: string; pages: number; seconds: number }[] } {
  const tsx = path.join(here, '..', 'node_modules', '.bin', 'tsx');
  const run = timed(tsx, [path.join(here, 'extract-worker.ts'), ...files]);
  const line = run.stdout.trim().split('\n').pop() ?? '{}';
  const out = JSON.parse(line) as { files: { file: string; pages: number; seconds: number }[]; peakRssMb: number };
  const pages = out.files.reduce((a, f) => a + f.pages, 0);
  const seconds = out.files.reduce((a, f) => a + f.seconds, 0);
  return { pages, seconds, peakRssMb: Number.isNaN(run.peakRssMb) ? out.peakRssMb : run.peakRssMb, perFile: out.files };
}

function pdftotext(files: string[], pagesOf: Map<string, number>): Measure {
  let seconds = 0;
  let peak = 0;
  let pages = 0;
  for (const file of files) {
    const run = timed('pdftotext', ['-layout', file, '-']);
    seconds += run.seconds;
    peak = Math.max(peak, run.peakRssMb);
    pages += pagesOf.get(file) ?? 0;
  }
  return { pages, seconds, peakRssMb: peak };
}

const big = await bigPdf();
const corpusFiles = corpusPdfs();
const sets: [string, string[]][] = [
  [`generated ${bigPages}-page budget PDF`, [big]],
  ...(corpusFiles.length ? [[`corpus-external (${corpusFiles.length} PDFs)`, corpusFiles] as [string, string[]]] : []),
];
const version =
  execFileSync('pdftotext', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() || 'pdftotext';
const report: Record<string, unknown>[] = [];
const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
console.log('set | tool | pages | seconds | pages/s | ms/page | peak RSS MB | time ratio');
console.log('--- | --- | ---: | ---: | ---: | ---: | ---: | ---:');
for (const [name, files] of sets) {
  const ours = ledgerlift(files);
  const pagesOf = new Map(ours.perFile.map((f) => [f.file, f.pages]));
  const theirs = pdftotext(files, pagesOf);
  const ratio = ours.seconds / ours.pages / (theirs.seconds / theirs.pages);
  for (const [tool, m] of [
    ['ledgerlift extractPdf', ours],
    ['pdftotext -layout', theirs],
  ] as const) {
    console.log(
      `${name} | ${tool} | ${m.pages} | ${fmt(m.seconds, 2)} | ${fmt(m.pages / m.seconds)} | ${fmt((1000 * m.seconds) / m.pages)} | ${fmt(m.peakRssMb, 0)} | ${tool.startsWith('ledgerlift') ? `${fmt(ratio, 2)}×` : '1×'}`,
    );
  }
  report.push({
    set: name,
    files: files.length,
    ledgerlift: { ...ours, perFile: undefined },
    pdftotext: theirs,
    timeRatio: ratio,
  });
}
const out = path.join(results, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  out,
  JSON.stringify(
    { generated: new Date().toISOString(), node: process.version, pdftotext: version, sets: report },
    null,
    2,
  ),
);
console.log(`\nwritten ${out}`);
