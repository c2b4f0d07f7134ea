/** Tables from born-digital PDFs (pdfjs-dist): glyphs, rulings, lattice and stream detection. */
import { DocumentError, type ExtractedDocument, type SourceDocument } from '../model.ts';

/** Extract every table of a PDF. */
export async function extractPdf(source: SourceDocument, _bytes: Uint8Array): Promise<ExtractedDocument> {
  throw new DocumentError(source.path, 'PDF extraction is not implemented yet');
}
