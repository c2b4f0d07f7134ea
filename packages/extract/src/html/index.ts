/** Tables from HTML disclosures (cheerio), with rowspan/colspan expanded. */
import { load } from 'cheerio';
import {
  DocumentError,
  type ExtractedDocument,
  ExtractedTableSchema,
  type SourceDocument,
  type TextLine,
} from '../model.ts';
import { decodeHtml } from './decode.ts';
import { htmlTables } from './tables.ts';

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,caption,div,span,td,th';

/** Visible text of the page as lines, each with the source line of its element (for narrative checks). */
function textLines(html: ReturnType<typeof load>): TextLine[] {
  const out: TextLine[] = [];
  html('body')
    .find(BLOCKS)
    .each((_, el) => {
      const node = html(el);
      if (node.children(BLOCKS).length > 0) return;
      const text = node.text().replace(/\s+/g, ' ').trim();
      if (text) out.push({ lineNo: el.sourceCodeLocation?.startLine ?? 1, page: 1, text });
    });
  return out;
}

/** Extract every table of an HTML page. */
export async function extractHtml(source: SourceDocument, bytes: Uint8Array): Promise<ExtractedDocument> {
  const html = decodeHtml(bytes);
  if (!/<table[\s>]/i.test(html)) {
    if (!/<html|<body|<div|<p[\s>]/i.test(html)) throw new DocumentError(source.path, 'not an HTML document');
  }
  const $ = load(html, { sourceCodeLocationInfo: true });
  const tables = htmlTables($).map((t) => ExtractedTableSchema.parse(t));
  return { source: { ...source, pages: 1 }, text: textLines($), tables, warnings: [] };
}
