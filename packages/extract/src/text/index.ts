/** The text-input extractor: picks the flavour of converter output and hands the lines to its parser. */
import type { ExtractedDocument, ExtractedTable, SourceDocument, TextLine } from '../model.ts';
import { ExtractedTableSchema } from '../model.ts';
import { toLines } from './lines.ts';
import { readRawTables } from './raw/index.ts';
import { extractTabbedTables } from './tabbed/index.ts';

export type TextFlavour = 'tabbed' | 'raw';

/** Tab-separated converter output has many lines with 2+ tabs; pdftotext-style output has (almost) none. */
export function detectFlavour(lines: readonly TextLine[]): TextFlavour {
  const tabbed = lines.filter((l) => (l.text.match(/\t/g)?.length ?? 0) >= 2).length;
  return tabbed >= 5 ? 'tabbed' : 'raw';
}

/** Extract every table of a converted-text document. */
export function extractText(source: SourceDocument, content: string): ExtractedDocument {
  const text = toLines(content);
  const flavour = detectFlavour(text);
  const read = flavour === 'tabbed' ? { tables: extractTabbedTables(text), warnings: [] } : readRawTables(text);
  const tables: ExtractedTable[] = read.tables.map((t) => ExtractedTableSchema.parse(t));
  const pages = text.at(-1)?.page ?? 1;
  return { source: { ...source, pages }, text, tables, warnings: read.warnings };
}
