/**
 * PDF extraction benchmark: ledgerlift (pdfjs-dist) against `pdftotext -layout` (poppler) on the same PDFs
 * in one run — wall and CPU time per page and peak RSS of both — plus a generated 500-page PDF for the memory
 * ceiling. The target ratio is on wall time per page; CPU time per page shows what the cores cost (ledgerlift
 * reads pages on several threads, pdftotext runs on one), and the load average shows how busy the machine was.
 * Each set is timed in `--rounds` alternating rounds (ledgerlift, then pdftotext) and each tool's median round is
 * reported with the range of the ratio over the rounds: on a shared 2-core machine single runs of either tool
 * vary by a third. The steal column is the share of the machine's CPU time the hypervisor gave to other guests while
 * a set ran: with more than a few percent, the rounds measure the neighbours as much as the tools.
 * Usage: pnpm bench [-- --corpus DIR] [--pages 500] [--rounds 3] [--no-corpus]
 * Writes bench/results/bench-<timestamp>.json and prints a table.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
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
const rounds = Math.max(1, Number(opt('--rounds') ?? 3));
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
  /** Wall seconds. */
  seconds: number;
  /** User + system CPU seconds, all threads. */
  cpuSeconds: number;
  peakRssMb: number;
  /** Cores the tool may use. */
  cores: number;
}

/**
 * CPU time the hypervisor gave to other guests ("steal", all cores, seconds) so far; undefined off Linux. On a
 * shared VM a round that lost much time this way measures the neighbours, not the tools.
 */
function stealSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    return Number(fields[8]) / 100;
  } catch {
    return undefined;
  }
}

/** Run a command under /usr/bin/time when present: wall seconds, CPU seconds (user + sys) and peak RSS (MB). */
function timed(
  cmd: string,
  cmdArgs: string[],
): { seconds: number; cpuSeconds: number; peakRssMb: number; stdout: string } {
  const started = performance.now();
  const res = timeBin
    ? spawnSync(timeBin, ['-f', '__TIME__ %M %U %S', cmd, ...cmdArgs], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  const m = /__TIME__ (\d+) ([\d.]+) ([\d.]+)/.exec(res.stderr ?? '');
  return {
    seconds,
    cpuSeconds: m ? Number(m[2]) + Number(m[3]) : Number.NaN,
    peakRssMb: m ? Number(m[1]) / 1024 : Number.NaN,
    stdout: res.stdout ?? '',
  };
}

interface WorkerFile {
  file: string;
  pages: number;
  seconds: number;
  cpuSeconds: number;
}

/** ledgerlift in one child process; times are measured per file inside it (node and tsx start-up excluded). */
function ledgerlift(files: string[]): Measure & { perFile: WorkerFile[] } {
  const tsx = path.join(here, '..', 'node_modules', '.bin', 'tsx');
  const run = timed(tsx, [path.join(here, 'extract-worker.ts'), ...files]);
  const line = run.stdout.trim().split('\n').pop() ?? '{}';
  const out = JSON.parse(line) as { files: WorkerFile[]; peakRssMb: number; cores: number };
  const sum = (key: 'pages' | 'seconds' | 'cpuSeconds') => out.files.reduce((a, f) => a + f[key], 0);
  return {
    pages: sum('pages'),
    seconds: sum('seconds'),
    cpuSeconds: sum('cpuSeconds'),
    peakRssMb: Number.isNaN(run.peakRssMb) ? out.peakRssMb : run.peakRssMb,
    cores: out.cores,
    perFile: out.files,
  };
}

/** pdftotext once per file (single-threaded); times include its process start-up. */
function pdftotext(files: string[], pagesOf: Map<string, number>): Measure {
  let seconds = 0;
  let cpuSeconds = 0;
  let peak = 0;
  let pages = 0;
  for (const file of files) {
    const run = timed('pdftotext', ['-layout', file, '-']);
    seconds += run.seconds;
    cpuSeconds += run.cpuSeconds;
    peak = Math.max(peak, run.peakRssMb);
    pages += pagesOf.get(file) ?? 0;
  }
  return { pages, seconds, cpuSeconds, peakRssMb: peak, cores: 1 };
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
const load = () => os.loadavg()[0]!;
console.log(`cores: ${os.availableParallelism()}, load average (1 min) at start: ${fmt(load(), 2)}\n`);
console.log(`median of ${rounds} alternating rounds per tool; wall ratio range over the rounds in brackets\n`);
console.log(
  'set | tool | cores | pages | wall s | CPU s | wall ms/page | CPU ms/page | peak RSS MB | wall ratio | CPU ratio | steal',
);
console.log('--- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:');
const perPage = (m: Measure, key: 'seconds' | 'cpuSeconds') => m[key] / m.pages;
/** The round whose wall time is the median. */
const median = <T extends Measure>(ms: T[]): T => [...ms].sort((a, b) => a.seconds - b.seconds)[ms.length >> 1]!;
for (const [name, files] of sets) {
  const runs: { ours: ReturnType<typeof ledgerlift>; theirs: Measure }[] = [];
  let stolen = 0;
  let elapsed = 0;
  for (let round = 0; round < rounds; round++) {
    const steal0 = stealSeconds();
    const started = performance.now();
    const ours = ledgerlift(files);
    runs.push({ ours, theirs: pdftotext(files, new Map(ours.perFile.map((f) => [f.file, f.pages]))) });
    const steal1 = stealSeconds();
    elapsed += (performance.now() - started) / 1000;
    if (steal0 !== undefined && steal1 !== undefined) stolen += steal1 - steal0;
  }
  // Share of the machine's core-seconds taken by other guests while this set ran.
  const stealShare = stolen / (elapsed * os.availableParallelism());
  const ours = { ...median(runs.map((r) => r.ours)), peakRssMb: Math.max(...runs.map((r) => r.ours.peakRssMb)) };
  const theirs = median(runs.map((r) => r.theirs));
  const ratio = perPage(ours, 'seconds') / perPage(theirs, 'seconds');
  const cpuRatio = perPage(ours, 'cpuSeconds') / perPage(theirs, 'cpuSeconds');
  const roundRatios = runs.map((r) => perPage(r.ours, 'seconds') / perPage(r.theirs, 'seconds'));
  const range = `${fmt(Math.min(...roundRatios), 2)}–${fmt(Math.max(...roundRatios), 2)}`;
  for (const [tool, m] of [
    ['ledgerlift extractPdf', ours],
    ['pdftotext -layout', theirs],
  ] as const) {
    const ourRow = tool.startsWith('ledgerlift');
    console.log(
      `${name} | ${tool} | ${m.cores} | ${m.pages} | ${fmt(m.seconds, 2)} | ${fmt(m.cpuSeconds, 2)} | ${fmt(1000 * perPage(m, 'seconds'))} | ${fmt(1000 * perPage(m, 'cpuSeconds'))} | ${fmt(m.peakRssMb, 0)} | ${ourRow ? `${fmt(ratio, 2)}× [${range}]` : '1×'} | ${ourRow ? `${fmt(cpuRatio, 2)}×` : '1×'} | ${fmt(100 * stealShare, 0)}%`,
    );
  }
  report.push({
    set: name,
    files: files.length,
    ledgerlift: { ...ours, perFile: undefined },
    pdftotext: theirs,
    timeRatio: ratio,
    roundRatios,
    stealShare,
    cpuRatio,
    loadAverageAfter: load(),
  });
}
console.log(`\nload average (1 min) at end: ${fmt(load(), 2)}`);
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
