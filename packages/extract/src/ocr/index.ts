/** Tables from scanned pages and images (tesseract.js, offline). */
import { DocumentError, type ExtractedDocument, type SourceDocument } from '../model.ts';

/** Extract every table of an image file. */
export async function extractImage(source: SourceDocument, _bytes: Uint8Array): Promise<ExtractedDocument> {
  throw new DocumentError(source.path, 'OCR is not implemented yet');
}
