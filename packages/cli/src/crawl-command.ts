/** `ledgerlift crawl`: fetch newly published reports into a store; exit 1 when some wanted file failed. */
import { crawl } from '@ledgerlift/crawl';
import type { Io } from './io.ts';
import type { CrawlCommandOptions } from './options.ts';

/** Crawl the listing pages into the store and print what was fetched, unchanged, skipped and failed. */
export async function crawlCommand(options: CrawlCommandOptions, io: Io): Promise<number> {
  const { out, listingUrls, ...rest } = options;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const report = await crawl({ listingUrls, outDir: out, ...defined });
  const lines = [
    `${report.listingPages} listing pages; ${report.fetched.length} fetched, ${report.unchanged.length} unchanged, ` +
      `${report.skipped.length} skipped, ${report.failed.length} failed → ${out}`,
    ...report.failed.map((f) => `  failed: ${f.url}: ${f.reason}`),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return report.failed.length > 0 ? 1 : 0;
}
