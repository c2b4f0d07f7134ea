/**
 * Benchmark child: extract each PDF given on the command line with ledgerlift and print one JSON line with
 * per-file pages, wall seconds and CPU seconds (user + system of the whole process, worker threads included),
 * plus this process's peak RSS. Run by bench/run.ts.
 */
import os from 'node:os';
import { loadDependenciesPlainly } from '../packages/cli/src/plain-dependencies.ts';
import { extractPdf } from '../packages/extract/src/pdf/index.ts';
import { readSource } from '../packages/extract/src/source.ts';

interface FileResult {
  file: string;
  pages: number;
  seconds: number;
  cpuSeconds: number;
  tables: number;
  error?: string;
}

// As the ledgerlift command does: pdf.js loads as Node loads it, not through the TypeScript loader.
loadDependenciesPlainly();

const files: FileResult[] = [];
for (const file of process.argv.slice(2)) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const spent = () => {
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
  try {
    const { source, bytes } = await readSource(file);
    const doc = await extractPdf(source, bytes);
    files.push({ file, pages: doc.source.pages, ...spent(), tables: doc.tables.length });
  } catch (error) {
    files.push({ file, pages: 0, ...spent(), tables: 0, error: String(error) });
  }
}
// maxRSS is reported in kilobytes.
console.log(
  JSON.stringify({ files, peakRssMb: process.resourceUsage().maxRSS / 1024, cores: os.availableParallelism() }),
);
