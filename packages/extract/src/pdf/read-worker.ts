/**
 * Worker-thread entry for parallel page reading (see parallel-pages.ts): opens its own copy of the PDF, then
 * claims pages from the shared counter and sends each PageContent to the main thread until none are left.
 */
import { workerData } from 'node:worker_threads';
import { packPage } from './parallel-pack.ts';
import { ARRIVED, NEXT, type ReadReply, type ReadRequest, STOP } from './parallel-pages.ts';
import { openPdfPages } from './read-pdf.ts';

const { bytes, pages, counters, port } = workerData as ReadRequest;

/** Send a reply, then count it so a main thread waiting on the counter wakes up. */
function send(reply: ReadReply): void {
  port.postMessage(reply);
  Atomics.add(counters, ARRIVED, 1);
  Atomics.notify(counters, ARRIVED);
}

/** Read claimed pages until all are claimed or the main thread says stop. */
async function serve(): Promise<void> {
  const pdf = await openPdfPages(bytes);
  try {
    while (Atomics.load(counters, STOP) === 0) {
      const page = Atomics.add(counters, NEXT, 1);
      if (page > pages) break;
      try {
        send({ kind: 'page', page, content: packPage(await pdf.readPage(page)) });
      } catch {
        // The main thread re-reads the page itself and reports the error with its cause.
        send({ kind: 'error', page });
        break;
      }
    }
  } finally {
    await pdf.close();
    port.close();
  }
}

// Loaded through a CommonJS require hook (see parallel-pages.ts), so no top-level await. A document this
// thread cannot open counts as a failed page, and the main thread reads the rest itself.
serve().catch(() => {
  send({ kind: 'error', page: 0 });
  port.close();
});
