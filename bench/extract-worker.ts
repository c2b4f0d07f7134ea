/**
 * Benchmark child: extract each PDF given on the command line with ledgerlift and print one JSON line
 * with per-file pages and seconds, plus this process's peak RSS. Run by bench/run.ts.
 */
import { extractPdf } from '../packages/extract/src/pdf/index.ts';
import { readSource } from '../packages/extract/src/source.ts';

const files: { file: string; pages: number; seconds: number; tables: number; error?: string }[] = [];
for (const file of process.argv.slice(2)) {
  const started = performance.now();
  try {
    const { source, bytes } = await readSource(file);
    const doc = await extractPdf(source, bytes);
    files.push({
      file,
      pages: doc.source.pages,
      seconds: (performance.now() - started) / 1000,
      tables: doc.tables.length,
    });
  } catch (error) {
    files.push({ file, pages: 0, seconds: (performance.now() - started) / 1000, tables: 0, error: String(error) });
  }
}
// maxRSS is reported in kilobytes.
console.log(JSON.stringify({ files, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
