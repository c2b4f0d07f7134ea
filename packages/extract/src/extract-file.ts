/** One entry point for any supported file: read it, then dispatch on its media type. */
import { extractHtml } from './html/index.ts';
import type { ExtractedDocument } from './model.ts';
import { extractImage } from './ocr/index.ts';
import { extractPdf } from './pdf/index.ts';
import { readSource } from './source.ts';
import { extractText } from './text/index.ts';
import { decodeText } from './text/lines.ts';

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
