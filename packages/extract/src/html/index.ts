/** Tables from HTML disclosures (cheerio), with rowspan/colspan expanded. */
import { DocumentError, type ExtractedDocument, type SourceDocument } from '../model.ts';

/** Extract every table of an HTML page. */
export async function extractHtml(source: SourceDocument, _bytes: Uint8Array): Promise<ExtractedDocument> {
  throw new DocumentError(source.path, 'HTML extraction is not implemented yet');
}
