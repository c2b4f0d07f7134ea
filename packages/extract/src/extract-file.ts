/**
 * One entry point for any supported file: read it, then dispatch on its media type. The PDF, OCR and HTML
 * readers are loaded on first use, so commands that never meet such a file (validate, text runs) start fast.
 */
import type { ExtractedDocument, SourceDocument } from './model.ts';
import type { OcrOptions } from './ocr/engine-choice.ts';
import { readSource } from './source.ts';
import { extractText } from './text/index.ts';
import { decodeText } from './text/lines.ts';

/** How files are read: OCR settings for scanned pages and images. */
export interface ExtractOptions {
  ocr?: OcrOptions;
}

/** Extract every table of a PDF (pdfjs-dist, loaded on first use); scanned pages go through OCR. */
export async function extractPdf(
  source: SourceDocument,
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  return (await import('./pdf/index.ts')).extractPdf(source, bytes, options);
}

/** Extract every table of an image by OCR (tesseract.js, loaded on first use). */
export async function extractImage(
  source: SourceDocument,
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  return (await import('./ocr/index.ts')).extractImage(source, bytes, options.ocr);
}

/** Extract every table of an HTML page (cheerio, loaded on first use). */
export async function extractHtml(source: SourceDocument, bytes: Uint8Array): Promise<ExtractedDocument> {
  return (await import('./html/index.ts')).extractHtml(source, bytes);
}

/** Extract every table of the file at `file`; throws DocumentError (naming the file) on bad input. */
export async function extractFile(file: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const { source, bytes } = await readSource(file);
  switch (source.mediaType) {
    case 'text/plain':
      return extractText(source, decodeText(file, bytes));
    case 'application/pdf':
      return extractPdf(source, bytes, options);
    case 'text/html':
      return extractHtml(source, bytes);
    default:
      return extractImage(source, bytes, options);
  }
}
