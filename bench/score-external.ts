/**
 * Run ledgerlift's PDF extraction over corpus-external, write page-mode predictions and score them.
 * Usage: tsx bench/score-external.ts [--suites a,b] [--only substring] [--by-tag]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tableRows } from '../packages/extract/src/pdf/grid.ts';
import { extractPdf } from '../packages/extract/src/pdf/index.ts';
import { readSource } from '../packages/extract/src/source.ts';

const corpus = process.env.CORPUS_EXTERNAL ?? '/work/shared/corpus-external';
const scorer = process.env.SCORER ?? '/work/shared/tools/score-tables.py';
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const suites = opt('--suites')?.split(',');
const only = opt('--only');

const pdfs = readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory() && (!suites || suites.includes(d.name)))
  .flatMap((d) =>
    readdirSync(path.join(corpus, d.name))
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => `${d.name}/${f}`),
  )
  .filter((p) => !only || p.includes(only))
  .sort();

const pages: Record<string, Record<string, string[][][]>> = {};
const started = performance.now();
let failures = 0;
for (const rel of pdfs) {
  const file = path.join(corpus, rel);
  try {
    const { source, bytes } = await readSource(file);
    const doc = await extractPdf(source, bytes);
    const byPage: Record<string, string[][][]> = {};
    for (const t of doc.tables) {
      for (let p = t.pages[0]; p <= t.pages[1]; p++) {
        const rows = tableRows(t, p);
        if (rows.length === 0) continue;
        byPage[String(p)] ??= [];
        byPage[String(p)]!.push(rows);
      }
    }
    pages[rel] = byPage;
  } catch (error) {
    failures++;
    console.error(`FAIL ${rel}: ${(error as Error).message}`);
  }
}
const seconds = (performance.now() - started) / 1000;
const outDir = path.join(import.meta.dirname, 'results');
mkdirSync(outDir, { recursive: true });
const predictions = path.join(outDir, 'external-predictions.json');
writeFileSync(predictions, JSON.stringify({ extractor: 'ledgerlift-pdf', pages }));
console.log(`extracted ${pdfs.length} PDFs in ${seconds.toFixed(1)} s (${failures} failed) → ${predictions}`);
const scoreArgs = [
  scorer,
  predictions,
  '--corpus',
  corpus,
  '--mode',
  'page',
  '--per-table',
  path.join(outDir, 'external-per-table.tsv'),
];
if (suites) scoreArgs.push('--suites', suites.join(','));
if (args.includes('--by-tag')) scoreArgs.push('--by-tag');
const res = spawnSync('python3', scoreArgs, { encoding: 'utf8' });
process.stdout.write(res.stdout);
process.stderr.write(res.stderr);
