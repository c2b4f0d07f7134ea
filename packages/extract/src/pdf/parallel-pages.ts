/**
 * Reading a PDF's pages on several threads while its tables are built. Pages are independent until tables
 * are built across them, so worker threads (each with its own pdf.js document) claim pages from a shared
 * counter and read them; the main thread reads the first pages itself while the workers start, then builds
 * the tables, taking each page as it arrives (it waits for the page on a shared counter and receives it
 * synchronously, so a synchronous table builder needs no change). The contents are the same PageContent[]
 * the sequential loop gives: pages cross packed (parallel-pack.ts), which keeps every value exact. Any failure is settled
 * by re-reading the missing pages in order on the main thread, which throws exactly the error the sequential
 * loop would, and building the tables again.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { OpenPdf } from './document.ts';
import { type PackedPage, unpackPage } from './parallel-pack.ts';
import type { PageContent } from './types.ts';

/** What a read worker is started with. */
export interface ReadRequest {
  file: string;
  bytes: Uint8Array;
  pages: number;
  /** Int32Array over a SharedArrayBuffer, slots NEXT, ARRIVED and STOP. */
  counters: Int32Array;
  /** Where the worker sends its ReadReply messages. */
  port: MessagePort;
}

/** Slots of ReadRequest.counters: the next page to claim, replies sent so far, and "stop claiming". */
export const NEXT = 0;
export const ARRIVED = 1;
export const STOP = 2;

/** Worker → main thread. */
export type ReadReply = { kind: 'page'; page: number; content: PackedPage } | { kind: 'error'; page: number };

/** Below this many pages starting a worker (tsx, pdf.js, opening the document) costs more than it saves. */
export const MIN_PARALLEL_PAGES = 16;
/**
 * About how long (ms) a worker takes to start (tsx, pdf.js, opening the document): the main thread reads
 * on alone while the pages left would take less than this at its pace so far.
 */
const WORKER_START_MS = 1500;
/** With no page arriving for this long, the workers are given up on and the main thread reads the rest. */
const STALL_MS = 60_000;

/**
 * Below this many cores reader threads do not pay: each starts its own tsx, pdf.js and fonts, and the main
 * thread builds tables beside them. On 2 cores the 500-page bench took 6.6–7.0 s with two readers and 5.3–6.1 s
 * on one thread (alternating runs, 14 vs 10 CPU s).
 */
export const MIN_PARALLEL_CORES = 4;

/**
 * Threads to read a document of `pages` pages with: `requested` when given (never more than the pages),
 * else all cores once the document is long enough and there are cores enough to pay for starting them.
 */
export function threadsFor(pages: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, pages));
  if (pages < MIN_PARALLEL_PAGES || os.availableParallelism() < MIN_PARALLEL_CORES) return 1;
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
    // Source maps stay off here: with them on, Node parses pdf.js's large map in every worker.
    return `require(${JSON.stringify(api)}).register();\nprocess.setSourceMapsEnabled(false);\nrequire(${JSON.stringify(entry)});\n`;
  } catch {
    return undefined;
  }
}

/** Who read what, for benchmarks and tests. */
export interface ReadStats {
  /** Pages read by worker threads (the rest were read on the main thread). */
  workerPages: number;
  /** Worker threads started. */
  workers: number;
}

/** Options of readAndBuild. */
export interface ReadOptions {
  /** false leaves every page to the workers (tests use it to prove worker-read pages are exact). */
  mainThreadReads?: boolean;
  stats?: ReadStats;
  /** Overrides WORKER_START_MS (tests use 0 to start workers at once). */
  workerStartMs?: number;
}

/** Thrown inside the build when the workers cannot deliver a page; never escapes readAndBuild. */
class WorkersFailed extends Error {}

/** Worker threads reading pages of one document, and the main thread's synchronous access to their pages. */
class Readers {
  private readonly counters = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  /** Main-thread ends of the workers' reply ports; read synchronously, so no listener is attached. */
  private readonly ports: MessagePort[] = [];
  private readonly exited: Promise<void>[];
  private failed = false;
  /** Set once wait() has given up on the workers, even if the build caught what it threw. */
  gaveUp = false;

  constructor(
    private readonly contents: (PageContent | undefined)[],
    file: string,
    bytes: Uint8Array,
    workers: number,
    bootstrap: string,
    first: number,
    private readonly stats?: ReadStats,
  ) {
    Atomics.store(this.counters, NEXT, first);
    this.exited = Array.from({ length: workers }, () => {
      const { port1, port2 } = new MessageChannel();
      this.ports.push(port1);
      const request: ReadRequest = { file, bytes, pages: contents.length, counters: this.counters, port: port2 };
      const worker = new Worker(bootstrap, { eval: true, workerData: request, transferList: [port2] });
      return new Promise<void>((resolve) => {
        // A worker that fails to start or dies leaves its claimed page unread; the stall limit catches it.
        worker.on('error', () => undefined);
        worker.on('exit', () => resolve());
      });
    });
  }

  /** The next page nobody has claimed yet, or undefined when all are claimed or reading stopped. */
  claim(): number | undefined {
    if (Atomics.load(this.counters, STOP) !== 0) return undefined;
    const page = Atomics.add(this.counters, NEXT, 1);
    return page <= this.contents.length ? page : undefined;
  }

  /** True once some worker has sent a page. */
  get started(): boolean {
    return Atomics.load(this.counters, ARRIVED) > 0;
  }

  /** Stop handing out pages. */
  stop(): void {
    Atomics.store(this.counters, STOP, 1);
  }

  /** Store whatever replies have arrived, without waiting. */
  private drain(): void {
    for (const port of this.ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const reply = m.message as ReadReply;
        if (reply.kind === 'error') {
          this.failed = true;
          continue;
        }
        this.contents[reply.page - 1] = unpackPage(reply.content);
        if (this.stats) this.stats.workerPages++;
      }
    }
  }

  /** Block until page `index + 1` is there; throws WorkersFailed when a worker reports failure or stalls. */
  wait(index: number): void {
    try {
      this.waitFor(index);
    } catch (error) {
      this.gaveUp = true;
      throw error;
    }
  }

  private waitFor(index: number): void {
    let waitedSince = performance.now();
    for (;;) {
      const seen = Atomics.load(this.counters, ARRIVED);
      this.drain();
      if (this.contents[index]) return;
      if (this.failed) throw new WorkersFailed();
      if (Atomics.wait(this.counters, ARRIVED, seen, 1000) !== 'timed-out') waitedSince = performance.now();
      else if (performance.now() - waitedSince > STALL_MS) throw new WorkersFailed();
    }
  }

  /** Stop the workers and wait until they have exited; store the pages they sent. */
  async finish(): Promise<void> {
    this.stop();
    await Promise.all(this.exited);
    this.drain();
    for (const port of this.ports) port.close();
  }
}

/** `contents` seen through a proxy that waits for each page as it is read. */
function waitingView(contents: (PageContent | undefined)[], readers: Readers): readonly PageContent[] {
  return new Proxy(contents as PageContent[], {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const index = Number(key);
        if (Number.isInteger(index) && index >= 0 && index < target.length && !target[index]) readers.wait(index);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

/**
 * Read every page of `pdf` on `threads` worker threads (the main thread reads while they start, and alone
 * when the pages go quickly enough that workers would not pay for their start) and build from them with
 * `build` (synchronous, pages in order); returns the contents (index = page − 1) and what was built. `bytes`
 * are the document's bytes for the workers' own copies of it.
 */
export async function readAndBuild<T>(
  pdf: OpenPdf,
  file: string,
  bytes: Uint8Array,
  threads: number,
  build: (contents: readonly PageContent[]) => T,
  options: ReadOptions = {},
): Promise<{ contents: PageContent[]; built: T }> {
  const contents: (PageContent | undefined)[] = new Array(pdf.pages).fill(undefined);
  let bootstrap = threads > 1 ? workerBootstrap() : undefined;
  // Workers cost more than they save on documents read quickly: read on alone while that is so.
  let first = 1;
  const startMs = options.workerStartMs ?? WORKER_START_MS;
  const began = performance.now();
  while (bootstrap && options.mainThreadReads !== false && first <= pdf.pages) {
    const perPage = first > 1 ? (performance.now() - began) / (first - 1) : 0;
    if (perPage * (pdf.pages - first + 1) > startMs || startMs <= 0) break;
    try {
      contents[first - 1] = await pdf.readPage(first);
    } catch {
      // The sequential loop below reads this page again and throws its error.
      bootstrap = undefined;
    }
    first++;
  }
  if (bootstrap && first <= pdf.pages) {
    // One worker per thread: the main thread reads only while they start, then it builds.
    const workers = threads;
    if (options.stats) options.stats.workers = workers;
    const readers = new Readers(contents, file, bytes, workers, bootstrap, first, options.stats);
    let built: { value: T } | undefined;
    try {
      // The main thread reads from the front until the workers are under way, then builds.
      let ok = true;
      while (ok && options.mainThreadReads !== false && !readers.started) {
        const page = readers.claim();
        if (page === undefined) break;
        try {
          contents[page - 1] = await pdf.readPage(page);
        } catch {
          // Settled below, in page order, so the error is the one the sequential loop would throw.
          ok = false;
        }
        // Lets worker start-up and replies proceed between pages (pdf.js here answers through microtasks).
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (ok) {
        const view = waitingView(contents, readers);
        built = { value: build(view) };
        // The build may not have looked at every page; the caller gets them all.
        for (let i = 0; i < contents.length; i++) if (!contents[i]) readers.wait(i);
      }
    } catch (error) {
      if (!(error instanceof WorkersFailed)) {
        await readers.finish();
        throw error;
      }
      built = undefined;
    }
    await readers.finish();
    if (built && !readers.gaveUp && contents.every((c) => c !== undefined))
      return { contents: contents as PageContent[], built: built.value };
  }
  for (let p = 1; p <= pdf.pages; p++) contents[p - 1] ??= await pdf.readPage(p);
  const all = contents as PageContent[];
  return { contents: all, built: build(all) };
}

/** Every page of `pdf` (index = page − 1), read on up to `threads` threads; see readAndBuild. */
export async function readAllPages(
  pdf: OpenPdf,
  file: string,
  bytes: Uint8Array,
  threads = threadsFor(pdf.pages),
  options: ReadOptions = {},
): Promise<PageContent[]> {
  return (await readAndBuild(pdf, file, bytes, threads, () => undefined, options)).contents;
}
