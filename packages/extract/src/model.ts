/**
 * The extraction data model: source → positioned text → tables.
 * Every boundary value has a zod schema so that other packages (and users' files) are checked, not trusted.
 */
import { z } from 'zod';

/** A box in PDF points (or image pixels for raster input), origin top-left of the page as displayed. */
export const BoxSchema = z.object({
  x0: z.number(),
  top: z.number(),
  x1: z.number(),
  bottom: z.number(),
});
export type Box = z.infer<typeof BoxSchema>;

/** Where a value was printed: a page and box for PDFs/images, a 1-based line range for text input. */
export const ProvenanceSchema = z.object({
  page: z.number().int().positive().optional(),
  box: BoxSchema.optional(),
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const MediaTypeSchema = z.enum([
  'application/pdf',
  'text/plain',
  'text/html',
  'image/png',
  'image/jpeg',
  'image/tiff',
]);
export type MediaType = z.infer<typeof MediaTypeSchema>;

/** An input file as read from disk. */
export const SourceDocumentSchema = z.object({
  path: z.string(),
  /** File name without folders: the `document` column of facts. */
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  mediaType: MediaTypeSchema,
  /** Pages for PDFs/images; for text input the number of form-feed separated pages (1 when none). */
  pages: z.number().int().nonnegative(),
});
export type SourceDocument = z.infer<typeof SourceDocumentSchema>;

/** A run of glyphs (a word or a single glyph) with its box. */
export const WordSchema = z.object({
  text: z.string(),
  box: BoxSchema,
  font: z.string().optional(),
  size: z.number().optional(),
  /** OCR confidence 0–1; absent for born-digital text. */
  confidence: z.number().min(0).max(1).optional(),
});
export type Word = z.infer<typeof WordSchema>;

/** A ruling line segment (vector stroke or thin filled rectangle), after the page transform. */
export const RulingSchema = z.object({
  x0: z.number(),
  top: z.number(),
  x1: z.number(),
  bottom: z.number(),
  /** 'h' horizontal, 'v' vertical. */
  orientation: z.enum(['h', 'v']),
});
export type Ruling = z.infer<typeof RulingSchema>;

/** One line of a text input, with its 1-based line number in the file. */
export const TextLineSchema = z.object({
  lineNo: z.number().int().positive(),
  page: z.number().int().positive().optional(),
  text: z.string(),
});
export type TextLine = z.infer<typeof TextLineSchema>;

/** Positioned text of one page: words and rulings for PDFs/images, lines for text input. */
export const PositionedPageSchema = z.object({
  page: z.number().int().positive(),
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
  rotation: z.number().int().default(0),
  words: z.array(WordSchema),
  rulings: z.array(RulingSchema),
  lines: z.array(TextLineSchema).optional(),
  /** How the text was obtained. */
  origin: z.enum(['pdf-text', 'ocr', 'text-file', 'html']),
});
export type PositionedPage = z.infer<typeof PositionedPageSchema>;

/** One table cell. Spanned grid positions are not repeated: a spanning cell appears once, at its top-left. */
export const CellSchema = z.object({
  text: z.string(),
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowspan: z.number().int().positive().default(1),
  colspan: z.number().int().positive().default(1),
  header: z.boolean(),
  provenance: ProvenanceSchema,
  /** 0–1: how sure the extractor is that this text belongs in this cell (1 for unambiguous layouts). */
  confidence: z.number().min(0).max(1).default(1),
  /** Why the extractor is less than sure, or what it repaired (e.g. 'split-glued-number', 'ocr-repaired'). */
  notes: z.array(z.string()).optional(),
});
export type Cell = z.infer<typeof CellSchema>;

/** A table as found in a document, before any domain interpretation. */
export const ExtractedTableSchema = z.object({
  /** Unique within the document, e.g. `t03`; normalize/load make it unique in the run. */
  id: z.string(),
  /** First and last page (text input: page by form feed, else 1). */
  pages: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  box: BoxSchema.optional(),
  /** Text lines covered, for text input. */
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
  /** Title as printed (de-duplicated), e.g. 收入支出决算总表. */
  title: z.string().optional(),
  /** Caption lines printed around the table (table number, 部门/单位, 单位：万元, notes 注：…), as printed. */
  caption: z.array(TextLineSchema).default([]),
  /** Header rows (row indices 0..headerRows-1) then body rows; cells carry their own row/col. */
  headerRows: z.number().int().nonnegative(),
  nRows: z.number().int().nonnegative(),
  nCols: z.number().int().nonnegative(),
  cells: z.array(CellSchema),
  /**
   * Layout hints for normalize: `side-by-side` when N repeated column blocks were printed on one line (06表),
   * with `blockWidth` columns each; `key-value` for forms such as 项目支出绩效自评表.
   */
  layout: z
    .object({
      kind: z.enum(['grid', 'side-by-side', 'key-value']),
      blockWidth: z.number().int().positive().optional(),
    })
    .default({ kind: 'grid' }),
  /** For performance (form) tables: the project name when the extractor saw it in the title line. */
  subject: z.string().optional(),
  /** Overall confidence of the structure, 0–1. */
  confidence: z.number().min(0).max(1).default(1),
  /** Which extractor made it: 'text-tabbed', 'text-raw', 'pdf-lattice', 'pdf-stream', 'ocr', 'html'. */
  method: z.string(),
  warnings: z.array(z.string()).default([]),
});
export type ExtractedTable = z.infer<typeof ExtractedTableSchema>;
export type ExtractedTableInput = z.input<typeof ExtractedTableSchema>;

/** Everything extract hands to normalize for one document. */
export const ExtractedDocumentSchema = z.object({
  source: SourceDocumentSchema,
  /** All text of the document in reading order (for metadata, narrative checks and search). */
  text: z.array(TextLineSchema),
  tables: z.array(ExtractedTableSchema),
  warnings: z.array(z.string()).default([]),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocumentSchema>;

/** An error that names the file and the reason; the batch records it and goes on. */
export class DocumentError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
    this.name = 'DocumentError';
  }
}
