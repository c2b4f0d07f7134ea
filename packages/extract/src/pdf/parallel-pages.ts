/**
 * Reading every page of a PDF on several threads. Pages are independent until tables are built across them,
 * so worker threads (each with its own pdf.js document) read pages beside the main thread, which reads too;
 * pages are handed out one at a time from the front, so a slow page never holds up the rest. The result is
 * the same PageContent[] the sequential loop gives: structured clone keeps plain numbers and strings exact,
 * and any failure is settled by re-reading the missing pages in order on the main thread, which throws
 * exactly the error the sequential loop would.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OpenPdf } from './document.ts';
import type { PageContent } from './types.ts';

/** What a read worker is started with. */
export interface ReadRequest {
  file: string;
  bytes: Uint8Array;
}

/** Main thread → worker: read this page, or (0) close the document and exit. */
export type ReadOrder = { page: number };

/** Worker → main thread. */
export type ReadReply =
  | { kind: 'ready' }
  | { kind: 'page'; page: number; content: PageContent }
  | { kind: 'error'; page: number };

/** Below this many pages starting a worker (tsx, pdf.js, opening the document) costs more than it saves. */
export const MIN_PARALLEL_PAGES = 16;
/** A worker gets this many pages ahead, so it never waits on the main thread between pages. */
const IN_FLIGHT = 2;

/**
 * Threads to read a document of `pages` pages with: `requested` when given (never more than the pages),
 * else all cores once the document is long enough to pay for starting them.
 */
export function threadsFor(pages: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, pages));
  if (pages < MIN_PARALLEL_PAGES) return 1;
  return Math.max(1, Math.min(os.availableParallelism(), Math.floor(pages / (MIN_PARALLEL_PAGES / 2))));
}

/**
 * Bootstrap code for a worker running read-worker.ts. Node 20 applies no module hooks in worker threads
 * (neither `--import tsx` in execArgv nor module.register inside the worker), so the worker registers tsx's
 * CommonJS require hook and requires the TypeScript entry; this works the same under tsx and vitest.
 * Undefined when tsx cannot be found, and then pages are read on the main thread only.
 */
function workerBootstrap(): string | undefined {
  try {
    const api = createRequire(import.meta.url).resolve('tsx/cjs/api');
    const entry = fileURLToPath(new URL('./read-worker.ts', import.meta.url));
    return `require(${JSON.stringify(api)}).register();\nrequire(${JSON.stringify(entry)});\n`;
  } catch {
    return undefined;
  }
}

/** One worker reading pages handed to it by `take` until there are none left; resolves when it has exited. */
function workerReader(
  request: ReadRequest,
  bootstrap: string,
  take: () => number | undefined,
  store: (content: PageContent) => void,
  stop: () => void,
): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: request });
    let pending = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      void worker.terminate().then(() => resolve());
    };
    const feed = () => {
      while (pending < IN_FLIGHT) {
        const page = take();
        if (page === undefined) break;
        pending++;
        worker.postMessage({ page } satisfies ReadOrder);
      }
      if (pending === 0) {
        worker.postMessage({ page: 0 } satisfies ReadOrder);
      }
    };
    worker.on('message', (reply: ReadReply) => {
      if (reply.kind === 'ready') return feed();
      pending--;
      if (reply.kind === 'page') {
        store(reply.content);
        return feed();
      }
      // A page the worker could not read: stop handing out pages; the main thread re-reads what is missing.
      stop();
      finish();
    });
    // A worker that fails to start or dies leaves its pages unread; the main thread reads them afterwards.
    worker.on('error', finish);
    worker.on('exit', finish);
  });
}

/** Who read what, for benchmarks and tests. */
export interface ReadStats {
  /** Pages read by worker threads (the rest were read on the main thread). */
  workerPages: number;
  /** Worker threads started. */
  workers: number;
}

/**
 * Every page of `pdf` (index = page − 1), read on up to `threads` threads (the main thread included);
 * `bytes` are the document's bytes for the workers' own copies of it. `mainThreadReads: false` leaves all
 * pages to the workers (tests use it to prove worker-read pages are exact).
 */
export async function readAllPages(
  pdf: OpenPdf,
  file: string,
  bytes: Uint8Array,
  threads = threadsFor(pdf.pages),
  options: { mainThreadReads?: boolean; stats?: ReadStats } = {},
): Promise<PageContent[]> {
  const contents: (PageContent | undefined)[] = new Array(pdf.pages).fill(undefined);
  const bootstrap = threads > 1 ? workerBootstrap() : undefined;
  if (bootstrap) {
    let next = 1;
    let stopped = false;
    const take = () => (stopped || next > pdf.pages ? undefined : next++);
    const store = (content: PageContent) => {
      contents[content.page - 1] = content;
    };
    const fromWorker = (content: PageContent) => {
      if (options.stats) options.stats.workerPages++;
      store(content);
    };
    const stop = () => {
      stopped = true;
    };
    const request: ReadRequest = { file, bytes };
    const workers = options.mainThreadReads === false ? threads : threads - 1;
    if (options.stats) options.stats.workers = workers;
    const helpers = Array.from({ length: workers }, () => workerReader(request, bootstrap, take, fromWorker, stop));
    const mainTake = options.mainThreadReads === false ? () => undefined : take;
    for (let page = mainTake(); page !== undefined; page = mainTake()) {
      try {
        store(await pdf.readPage(page));
      } catch {
        // Settled below, in page order, so the error is the one the sequential loop would throw.
        stop();
      }
      // pdf.js's in-thread worker answers through microtasks only: without this the workers' messages would
      // wait until the main thread had read every page itself.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(helpers);
  }
  for (let p = 1; p <= pdf.pages; p++) contents[p - 1] ??= await pdf.readPage(p);
  return contents as PageContent[];
}
