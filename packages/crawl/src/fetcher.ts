/**
 * Polite HTTP: per-host queues (concurrency and rate), retries with backoff on 5xx, timeouts and network errors,
 * manual redirects checked against the allowed hosts, conditional requests, and a size limit enforced while
 * streaming to a temporary file (so a huge or endless body never fills memory or the store).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import PQueue from 'p-queue';

export interface FetchSettings {
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  backoffMs: number;
  perHostConcurrency: number;
  /** Minimum milliseconds between request starts to one host. */
  perHostIntervalMs: number;
  userAgent: string;
  /** Whether a URL may be requested (allowed hosts, robots.txt); checked on every redirect hop too. */
  mayFetch: (url: URL) => Promise<string | undefined>;
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | { kind: 'not_modified'; url: string; finalUrl: string }
  | {
      kind: 'fetched';
      url: string;
      finalUrl: string;
      contentType: string;
      etag?: string;
      lastModified?: string;
      tempPath: string;
      sha256: string;
      size: number;
    };

/** A request that failed for good, with the reason and how many attempts were made. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly attempts: number,
    readonly retryable: boolean,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'FetchError';
  }
}

const MAX_REDIRECTS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fetches URLs into a temp folder under per-host politeness limits. */
export class PoliteFetcher {
  private readonly queues = new Map<string, PQueue>();

  constructor(
    private readonly settings: FetchSettings,
    private readonly tempDir: string,
  ) {}

  private queueFor(host: string): PQueue {
    let queue = this.queues.get(host);
    if (!queue) {
      queue = new PQueue({
        concurrency: this.settings.perHostConcurrency,
        ...(this.settings.perHostIntervalMs > 0 ? { interval: this.settings.perHostIntervalMs, intervalCap: 1 } : {}),
      });
      this.queues.set(host, queue);
    }
    return queue;
  }

  /** Fetch `url` (conditionally when validators are given), retrying transient failures with backoff. */
  async fetch(url: string, validators: Validators = {}): Promise<FetchOutcome> {
    let attempt = 0;
    for (;;) {
      attempt += 1;
      try {
        const host = new URL(url).host;
        return await this.queueFor(host).add(() => this.once(url, validators));
      } catch (error) {
        const failure =
          error instanceof FetchError ? error : new FetchError(url, describe(error), attempt, isTransient(error));
        if (!failure.retryable || attempt > this.settings.retries) {
          throw new FetchError(url, failure.reason, attempt, failure.retryable);
        }
        await sleep(this.settings.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  private async once(url: string, validators: Validators): Promise<FetchOutcome> {
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    let current = new URL(url);
    for (let hop = 0; ; hop += 1) {
      const refusal = await this.settings.mayFetch(current);
      if (refusal) throw new FetchError(url, refusal, 1, false);
      const headers: Record<string, string> = { 'user-agent': this.settings.userAgent };
      if (validators.etag) headers['if-none-match'] = validators.etag;
      if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      const response = await fetch(current, { headers, redirect: 'manual', signal });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location || hop >= MAX_REDIRECTS) throw new FetchError(url, `bad redirect (${response.status})`, 1, false);
        current = new URL(location, current);
        continue;
      }
      if (response.status === 304) return { kind: 'not_modified', url, finalUrl: current.href };
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchError(url, `HTTP ${response.status}`, 1, response.status >= 500 || response.status === 429);
      }
      return this.saveBody(url, current.href, response, signal);
    }
  }

  private async saveBody(
    url: string,
    finalUrl: string,
    response: Response,
    signal: AbortSignal,
  ): Promise<FetchOutcome> {
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > this.settings.maxBytes) {
      await response.body?.cancel();
      throw new FetchError(url, `too large: ${declared} bytes > limit ${this.settings.maxBytes}`, 1, false);
    }
    await mkdir(this.tempDir, { recursive: true });
    const tempPath = path.join(this.tempDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    const out = createWriteStream(tempPath);
    let size = 0;
    try {
      const reader = response.body?.getReader();
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > this.settings.maxBytes) {
          await reader.cancel();
          throw new FetchError(url, `too large: over limit ${this.settings.maxBytes} bytes`, 1, false);
        }
        hash.update(value);
        if (!out.write(value)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      if (signal.aborted) throw new FetchError(url, 'timed out', 1, true);
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      out.destroy();
      await rm(tempPath, { force: true });
      throw error;
    }
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return {
      kind: 'fetched',
      url,
      finalUrl,
      contentType: response.headers.get('content-type') ?? '',
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
      tempPath,
      sha256: hash.digest('hex'),
      size,
    };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timed out';
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}

function isTransient(error: unknown): boolean {
  return error instanceof Error; // network errors and timeouts are worth another try
}
