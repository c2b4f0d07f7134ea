/**
 * `ledgerlift crawl`: follow listing pages (with pagination), pick links to reports by title keywords, year and
 * file type, and download them into the content-addressed store. Re-runs fetch only what is new or changed.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { decodeHtml } from '@ledgerlift/extract';
import { z } from 'zod';
import { FetchError, type FetchOutcome, PoliteFetcher, type Validators } from './fetcher.ts';
import { type PageLink, pageDate, pageLinks, pageTitle, paginationLinks } from './links.ts';
import { isAllowed, parseRobots, type RobotsRules } from './robots.ts';
import { loadManifest, type Manifest, type PageCache, saveManifest, storeFile } from './store.ts';

export const CrawlOptionsSchema = z.object({
  listingUrls: z.array(z.url()).min(1),
  outDir: z.string(),
  /** Hosts that may be fetched; defaults to the listing pages' hosts. */
  allowedHosts: z.array(z.string()).default([]),
  /** A report link's text (or its page title) must contain one of these. */
  keywords: z.array(z.string()).default(['决算', '预算', '绩效']),
  /** When given, the link text, URL or date must mention one of these years. */
  years: z.array(z.string()).default([]),
  fileTypes: z.array(z.string()).default(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'html']),
  maxListingPages: z.number().int().positive().default(50),
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  timeoutMs: z.number().int().positive().default(30_000),
  retries: z.number().int().nonnegative().default(3),
  backoffMs: z.number().int().nonnegative().default(500),
  perHostConcurrency: z.number().int().positive().default(2),
  perHostIntervalMs: z.number().int().nonnegative().default(250),
  respectRobots: z.boolean().default(true),
  userAgent: z.string().default('ledgerlift-crawler/0.1 (+https://github.com/ledgerlift)'),
});
export type CrawlOptions = z.input<typeof CrawlOptionsSchema>;
type Settings = z.output<typeof CrawlOptionsSchema>;

export interface CrawlReport {
  listingPages: number;
  fetched: string[];
  unchanged: string[];
  failed: { url: string; reason: string }[];
  skipped: { url: string; reason: string }[];
}

const HTML_EXTENSIONS = new Set(['', 'html', 'htm', 'shtml', 'jsp', 'asp', 'aspx', 'php']);
const TYPE_EXTENSION: Record<string, string> = {
  'application/pdf': '.pdf',
  'text/html': '.html',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
};

function extensionOf(url: string): string {
  return path.extname(new URL(url).pathname).slice(1).toLowerCase();
}

function matchesTopic(settings: Settings, ...texts: (string | undefined)[]): boolean {
  const text = texts.filter(Boolean).join(' ');
  const keyword = settings.keywords.length === 0 || settings.keywords.some((k) => text.includes(k));
  const year = settings.years.length === 0 || settings.years.some((y) => text.includes(y));
  return keyword && year;
}

/** Crawl the listing pages and store the reports they lead to; never throws for one bad URL. */
export async function crawl(options: CrawlOptions): Promise<CrawlReport> {
  const settings = CrawlOptionsSchema.parse(options);
  const allowedHosts = new Set(
    settings.allowedHosts.length > 0 ? settings.allowedHosts : settings.listingUrls.map((u) => new URL(u).host),
  );
  const manifest = await loadManifest(settings.outDir);
  const report: CrawlReport = { listingPages: 0, fetched: [], unchanged: [], failed: [], skipped: [] };
  const robots = new Map<string, Promise<RobotsRules>>();
  const tempDir = path.join(settings.outDir, 'tmp');
  await rm(tempDir, { recursive: true, force: true }); // leftovers of a killed run are never trusted

  let fetcher: PoliteFetcher;
  const rulesFor = (origin: string): Promise<RobotsRules> => {
    let rules = robots.get(origin);
    if (!rules) {
      rules = readRobots(fetcher, origin);
      robots.set(origin, rules);
    }
    return rules;
  };
  fetcher = new PoliteFetcher(
    {
      ...settings,
      mayFetch: async (url) => {
        if (!allowedHosts.has(url.host)) return `host ${url.host} is not allowed`;
        if (settings.respectRobots && url.pathname !== '/robots.txt') {
          const rules = await rulesFor(url.origin);
          if (!isAllowed(rules, url.pathname + url.search)) return 'disallowed by robots.txt';
        }
        return undefined;
      },
    },
    tempDir,
  );

  const save = () => saveManifest(settings.outDir, manifest);
  const fail = (url: string, error: unknown) => {
    const reason = error instanceof Error ? error.message.replace(`${url}: `, '') : String(error);
    const attempts = error instanceof FetchError ? error.attempts : 1;
    report.failed.push({ url, reason });
    manifest.failures[url] = { url, reason, attempts, at: new Date().toISOString() };
  };

  // 1. Listing pages, breadth first, following pagination.
  const candidates = new Map<string, { link: PageLink; foundOn: string }>();
  const seenListings = new Set<string>();
  const listingQueue = [...settings.listingUrls];
  while (listingQueue.length > 0 && report.listingPages < settings.maxListingPages) {
    const url = listingQueue.shift()!;
    if (seenListings.has(url)) continue;
    seenListings.add(url);
    const page = await fetchPage(fetcher, manifest, url).catch((error: unknown) => {
      fail(url, error);
      return undefined;
    });
    if (!page) continue;
    report.listingPages += 1;
    for (const next of paginationLinks(page.links, url)) if (!seenListings.has(next)) listingQueue.push(next);
    for (const link of page.links) {
      if (!allowedHosts.has(new URL(link.url).host)) {
        if (matchesTopic(settings, link.text)) report.skipped.push({ url: link.url, reason: 'other host' });
        continue;
      }
      if (matchesTopic(settings, link.text, link.date, link.url) && !candidates.has(link.url)) {
        candidates.set(link.url, { link, foundOn: url });
      }
    }
    await save();
  }

  // 2. Candidates: files are documents; HTML pages are report pages (documents when they hold tables).
  const documents = new Map<string, { title: string; date?: string; foundOn: string }>();
  for (const { link, foundOn } of candidates.values()) {
    const ext = extensionOf(link.url);
    if (!HTML_EXTENSIONS.has(ext)) {
      if (settings.fileTypes.includes(ext)) documents.set(link.url, { title: link.text, date: link.date, foundOn });
      else report.skipped.push({ url: link.url, reason: `file type .${ext} not wanted` });
      continue;
    }
    const page = await fetchPage(fetcher, manifest, link.url).catch((error: unknown) => {
      fail(link.url, error);
      return undefined;
    });
    if (!page) continue;
    const title = page.title || link.text;
    const date = page.publishedAt ?? link.date;
    if (page.hasTable && settings.fileTypes.includes('html')) documents.set(link.url, { title, date, foundOn });
    for (const attachment of page.links) {
      const ext2 = extensionOf(attachment.url);
      if (HTML_EXTENSIONS.has(ext2) || !settings.fileTypes.includes(ext2)) continue;
      if (!allowedHosts.has(new URL(attachment.url).host)) {
        report.skipped.push({ url: attachment.url, reason: 'other host' });
        continue;
      }
      const attachmentTitle = matchesTopic(settings, attachment.text) ? attachment.text : `${title} ${attachment.text}`;
      if (!documents.has(attachment.url))
        documents.set(attachment.url, { title: attachmentTitle, date, foundOn: link.url });
    }
    await save();
  }

  // 3. Documents: conditional fetch, content-addressed store, manifest saved after each one.
  for (const [url, info] of documents) {
    const previous = manifest.documents[url];
    const validators: Validators = previous ? { etag: previous.etag, lastModified: previous.lastModified } : {};
    try {
      const outcome = await fetcher.fetch(url, validators);
      if (outcome.kind === 'not_modified' || (previous && outcome.sha256 === previous.sha256)) {
        if (outcome.kind === 'fetched') await rm(outcome.tempPath, { force: true });
        report.unchanged.push(url);
      } else {
        const extension = documentExtension(outcome);
        const file = await storeFile(settings.outDir, outcome.tempPath, outcome.sha256, extension);
        manifest.documents[url] = {
          url,
          finalUrl: outcome.finalUrl,
          title: info.title,
          ...(info.date ? { publishedAt: info.date } : {}),
          sha256: outcome.sha256,
          size: outcome.size,
          contentType: outcome.contentType,
          fetchedAt: new Date().toISOString(),
          ...(outcome.etag ? { etag: outcome.etag } : {}),
          ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
          file,
          foundOn: info.foundOn,
        };
        report.fetched.push(url);
      }
      delete manifest.failures[url];
    } catch (error) {
      fail(url, error);
    }
    await save();
  }
  await rm(tempDir, { recursive: true, force: true });
  return report;
}

function documentExtension(outcome: Extract<FetchOutcome, { kind: 'fetched' }>): string {
  const ext = extensionOf(outcome.finalUrl) || extensionOf(outcome.url);
  if (ext && !HTML_EXTENSIONS.has(ext)) return `.${ext}`;
  const type = outcome.contentType.split(';')[0]!.trim().toLowerCase();
  return TYPE_EXTENSION[type] ?? (HTML_EXTENSIONS.has(ext) ? '.html' : '.bin');
}

interface FetchedPage {
  title: string;
  publishedAt?: string;
  links: PageLink[];
  hasTable: boolean;
}

/** Fetch an HTML page (conditionally; a 304 reuses the links cached in the manifest). */
async function fetchPage(fetcher: PoliteFetcher, manifest: Manifest, url: string): Promise<FetchedPage> {
  const cached = manifest.pages[url];
  const outcome = await fetcher.fetch(url, cached ? { etag: cached.etag, lastModified: cached.lastModified } : {});
  if (outcome.kind === 'not_modified' && cached) {
    return { title: cached.title, publishedAt: cached.publishedAt, links: cached.links, hasTable: false };
  }
  if (outcome.kind === 'not_modified') return fetchPage(fetcher, { ...manifest, pages: {} }, url);
  const bytes = new Uint8Array(await readFile(outcome.tempPath));
  await rm(outcome.tempPath, { force: true });
  const html = decodeHtml(bytes, outcome.contentType);
  const entry: PageCache = {
    url,
    fetchedAt: new Date().toISOString(),
    title: pageTitle(html),
    links: pageLinks(html, outcome.finalUrl),
    ...(outcome.etag ? { etag: outcome.etag } : {}),
    ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
  };
  const publishedAt = pageDate(html);
  if (publishedAt) entry.publishedAt = publishedAt;
  manifest.pages[url] = entry;
  return { title: entry.title, publishedAt, links: entry.links, hasTable: /<table[\s>]/i.test(html) };
}

async function readRobots(fetcher: PoliteFetcher, origin: string): Promise<RobotsRules> {
  try {
    const outcome = await fetcher.fetch(`${origin}/robots.txt`);
    if (outcome.kind !== 'fetched') return { allow: [], disallow: [] };
    const text = await readFile(outcome.tempPath, 'utf8');
    await rm(outcome.tempPath, { force: true });
    return parseRobots(text);
  } catch {
    return { allow: [], disallow: [] }; // no robots.txt (404) or unreachable: nothing is disallowed
  }
}
