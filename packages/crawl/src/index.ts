export { type CrawlOptions, CrawlOptionsSchema, type CrawlReport, crawl } from './crawl.ts';
export { FetchError } from './fetcher.ts';
export { findDate, pageLinks, paginationLinks } from './links.ts';
export { isAllowed, parseRobots } from './robots.ts';
export { loadManifest, MANIFEST_FILE, type Manifest, type ManifestEntry } from './store.ts';
