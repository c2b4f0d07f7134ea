/**
 * One entry point for any supported file: read it, then dispatch on its media type. The PDF, OCR and HTML
 * readers are loaded on first use, so commands that never meet such a file (validate, text runs) start fast.
 */
import type { ExtractedDocument, SourceDocument } from './model.ts';
import { readSource } from './source.ts';
import { extractText } from './text/index.ts';
import { decodeText } from './text/lines.ts';

/** Extract every table of a PDF (pdfjs-dist, loaded on first use). */
export async function extractPdf(source: SourceDocument, bytes: Uint8Array): Promise<ExtractedDocument> {
  return (await import('./pdf/index.ts')).extractPdf(source, bytes);
}

/** Extract every table of an image by OCR (tesseract.js, loaded on first use). */
export async function extractImage(source: SourceDocument, bytes: Uint8Array): Promise<ExtractedDocument> {
  return (await import('./ocr/index.ts')).extractImage(source, bytes);
}

/** Extract every table of an HTML page (cheerio, loaded on first use). */
export async function extractHtml(source: SourceDocument, bytes: Uint8Array): Promise<ExtractedDocument> {
  return (await import('./html/index.ts')).extractHtml(source, bytes);
}

/** Extract every table of the file at `file`; throws DocumentError (naming the file) on bad input. */
export async function extractFile(file: string): Promise<ExtractedDocument> {
  const { source, bytes } = await readSource(file);
  switch (source.mediaType) {
    case 'text/plain':
      return extractText(source, decodeText(file, bytes));
    case 'application/pdf':
      return extractPdf(source, bytes);
    case 'text/html':
      return extractHtml(source, bytes);
    default:
      return extractImage(source, bytes);
  }
}
