/**
 * Worker-thread entry for parallel page reading (see parallel-pages.ts): opens its own copy of the PDF and
 * reads the pages the main thread asks for, one message per page; page 0 means close and exit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPdf } from './document.ts';
import type { ReadOrder, ReadReply, ReadRequest } from './parallel-pages.ts';

if (!parentPort) throw new Error('read-worker.ts runs only as a worker thread');
const port = parentPort;
const { file, bytes } = workerData as ReadRequest;
const post = (reply: ReadReply) => port.postMessage(reply);

/** Open the document, then serve the main thread's orders. */
async function serve(): Promise<void> {
  const pdf = await openPdf(file, bytes);
  post({ kind: 'ready' });
  // Orders arrive ahead of time; reading them one after another keeps one page's pdf.js resources at a time.
  let queue = Promise.resolve();
  port.on('message', ({ page }: ReadOrder) => {
    queue = queue.then(async () => {
      if (page === 0) {
        await pdf.close();
        port.close();
        return;
      }
      try {
        post({ kind: 'page', page, content: await pdf.readPage(page) });
      } catch {
        // The main thread re-reads the page itself and reports the error with its cause.
        post({ kind: 'error', page });
      }
    });
  });
}

// Loaded through a CommonJS require hook (see parallel-pages.ts), so no top-level await. A document this
// thread cannot open is an unhandled rejection that ends the worker; the main thread reads its pages instead.
void serve();
