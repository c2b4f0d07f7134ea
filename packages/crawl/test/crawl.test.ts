import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrawlOptions, crawl, loadManifest } from '../src/index.ts';
import { type Site, startSite } from './fixtures/site.ts';

let site: Site;
const dirs: string[] = [];
const newDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'll-crawl-'));
  dirs.push(dir);
  return dir;
};
const options = (outDir: string): CrawlOptions => ({
  listingUrls: [`${site.origin}/list/index.html`],
  outDir,
  timeoutMs: 500,
  retries: 2,
  backoffMs: 10,
  perHostIntervalMs: 0,
  maxBytes: 1024 * 1024,
});
const WANTED = [
  '/files/2023-juesuan.pdf',
  '/files/2023-yusuan.pdf',
  '/reports/2022-html.html',
  '/reports/flaky.pdf',
  '/go/redirect.pdf',
];

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('crawl', () => {
  it('gets exactly the reports, records every failure, and stays on the allowed host', async () => {
    const out = await newDir();
    const report = await crawl(options(out));
    expect(report.listingPages).toBe(2);
    expect(report.fetched.map((u) => new URL(u).pathname).sort()).toEqual([...WANTED].sort());
    const failed = Object.fromEntries(report.failed.map((f) => [new URL(f.url).pathname, f.reason]));
    expect(failed['/reports/error.pdf']).toBe('HTTP 500');
    expect(failed['/reports/slow.pdf']).toBe('timed out');
    expect(failed['/files/huge.pdf']).toMatch(/^too large/);
    expect(failed['/private/secret.pdf']).toBe('disallowed by robots.txt');
    expect(Object.keys(failed).sort()).toEqual(
      ['/files/huge.pdf', '/private/secret.pdf', '/reports/error.pdf', '/reports/slow.pdf'].sort(),
    );
    expect(report.skipped.map((s) => s.reason)).toContain('other host');
    expect(report.skipped.some((s) => s.url.endsWith('notes.txt'))).toBe(true);
    // 500 is retried (1 + 2 retries), the flaky 503 succeeded on its second attempt, robots.txt read once.
    expect(site.hits.get('/reports/error.pdf')).toBe(3);
    expect(site.hits.get('/robots.txt')).toBe(1);
    expect(site.hits.has('/news/1.html')).toBe(false);
    expect(site.hits.has('/private/secret.pdf')).toBe(false);

    const manifest = await loadManifest(out);
    const byPath = (p: string) => Object.values(manifest.documents).find((d) => new URL(d.url).pathname === p)!;
    const juesuan = byPath('/files/2023-juesuan.pdf');
    expect(juesuan.title).toBe('2023年度部门决算.pdf');
    expect(juesuan.publishedAt).toBe('2023-09-28');
    expect(juesuan.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(await readFile(path.join(out, juesuan.file), 'utf8')).toContain('fixture 2023 决算');
    expect(byPath('/files/2023-yusuan.pdf').publishedAt).toBe('2023-02-01');
    // The GBK listing page was decoded: its link text survived as Chinese.
    expect(byPath('/reports/2022-html.html').title).toBe('2022年度部门决算');
    expect(byPath('/reports/2022-html.html').file).toMatch(/^files\/[0-9a-f]{64}\.html$/);
    expect(byPath('/go/redirect.pdf').finalUrl).toBe(`${site.origin}/files/redirected.pdf`);
    const stored = await readdir(path.join(out, 'files'));
    expect(stored).toHaveLength(WANTED.length);
    expect(await readdir(out)).not.toContain('tmp');
  });

  it('fetches nothing new on a second run', async () => {
    const out = await newDir();
    await crawl(options(out));
    const before = await readFile(path.join(out, 'manifest.json'), 'utf8');
    const second = await crawl(options(out));
    expect(second.fetched).toEqual([]);
    expect(second.unchanged.map((u) => new URL(u).pathname).sort()).toEqual([...WANTED].sort());
    const after = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    for (const [url, doc] of Object.entries(JSON.parse(before).documents)) {
      expect(after.documents[url].sha256).toBe((doc as { sha256: string }).sha256);
    }
    expect(await readdir(path.join(out, 'files'))).toHaveLength(WANTED.length);
  });

  it('resumes a run killed midway without loss or duplicates', async () => {
    const out = await newDir();
    site.setFileDelay(400);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/crawl-child.ts')],
      {
        env: { ...process.env, CRAWL_OPTIONS: JSON.stringify(options(out)) },
        stdio: 'ignore',
      },
    );
    // Kill as soon as the first document is in the manifest.
    for (let i = 0; i < 200; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      const manifest = await loadManifest(out).catch(() => undefined);
      if (manifest && Object.keys(manifest.documents).length >= 1) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    site.setFileDelay(0);
    const partial = Object.keys((await loadManifest(out)).documents).length;
    expect(partial).toBeGreaterThanOrEqual(1);
    expect(partial).toBeLessThan(WANTED.length);

    const resumed = await crawl(options(out));
    expect(resumed.fetched.length + resumed.unchanged.length).toBe(WANTED.length);
    const manifest = await loadManifest(out);
    expect(
      Object.keys(manifest.documents)
        .map((u) => new URL(u).pathname)
        .sort(),
    ).toEqual([...WANTED].sort());
    const stored = await readdir(path.join(out, 'files'));
    expect(stored).toHaveLength(WANTED.length);
    expect(stored.every((f) => /^[0-9a-f]{64}\.(pdf|html)$/.test(f))).toBe(true);
  }, 30_000);
});
