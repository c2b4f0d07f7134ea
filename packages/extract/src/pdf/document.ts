/**
 * The pdf.js edge: open a PDF from bytes and read each page's glyphs and ruling segments (read-pdf.ts).
 * Failures become DocumentError with one-line reasons.
 */
import { DocumentError } from '../model.ts';
import { openPdfPages } from './read-pdf.ts';
import type { PageContent } from './types.ts';

export { documentParams, loadPdfJs } from './read-pdf.ts';

/** An open PDF: its page count, a page reader and a closer. */
export interface OpenPdf {
  pages: number;
  readPage(pageNo: number): Promise<PageContent>;
  close(): Promise<void>;
}

/** Why pdf.js refused the file, in one line. */
function reasonOf(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  const message = String((error as { message?: string })?.message ?? error).split('\n')[0] ?? '';
  if (name === 'PasswordException') return 'PDF is encrypted with a password';
  if (name === 'InvalidPDFException') return `not a valid PDF (${message})`;
  if (name === 'MissingPDFException') return 'PDF is missing';
  return `cannot read PDF (${message})`;
}

/** Open PDF bytes; throws DocumentError(file, reason) for empty, non-PDF, encrypted or corrupt input. */
export async function openPdf(file: string, bytes: Uint8Array): Promise<OpenPdf> {
  if (bytes.byteLength === 0) throw new DocumentError(file, 'file is empty (0 bytes)');
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new DocumentError(file, 'not a PDF (no %PDF- header)');
  const pdf = await openPdfPages(bytes).catch((error: unknown) => {
    throw new DocumentError(file, reasonOf(error), { cause: error });
  });
  return {
    pages: pdf.pages,
    async readPage(pageNo) {
      try {
        return await pdf.readPage(pageNo);
      } catch (error) {
        throw new DocumentError(file, `page ${pageNo}: ${reasonOf(error)}`, { cause: error });
      }
    },
    close: () => pdf.close(),
  };
}
