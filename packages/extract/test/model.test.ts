import { describe, expect, it } from 'vitest';
import {
  CellSchema,
  DocumentError,
  ExtractedDocumentSchema,
  ExtractedTableSchema,
  SourceDocumentSchema,
} from '../src/model.ts';

const source = {
  path: 'corpus/a.txt',
  name: 'a.txt',
  sha256: 'a'.repeat(64),
  bytes: 10,
  mediaType: 'text/plain',
  pages: 1,
};
const cell = { text: '736.87', row: 1, col: 2, header: false, provenance: { lines: [12, 12] } };

describe('extraction model schemas', () => {
  it('fill defaults so producers write only what they know', () => {
    const parsed = CellSchema.parse(cell);
    expect(parsed).toMatchObject({ rowspan: 1, colspan: 1, confidence: 1 });
    const table = ExtractedTableSchema.parse({
      id: 't01',
      pages: [1, 1],
      headerRows: 1,
      nRows: 2,
      nCols: 3,
      cells: [cell],
      method: 'text-tabbed',
    });
    expect(table.layout).toEqual({ kind: 'grid' });
    expect(table.caption).toEqual([]);
    expect(ExtractedDocumentSchema.parse({ source, text: [], tables: [table] }).warnings).toEqual([]);
  });

  it('reject values that would lose provenance or exactness', () => {
    expect(SourceDocumentSchema.safeParse({ ...source, sha256: 'xyz' }).success).toBe(false);
    expect(SourceDocumentSchema.safeParse({ ...source, mediaType: 'application/msword' }).success).toBe(false);
    expect(CellSchema.safeParse({ ...cell, provenance: { lines: [0, 1] } }).success).toBe(false);
    expect(CellSchema.safeParse({ ...cell, confidence: 1.5 }).success).toBe(false);
    expect(CellSchema.safeParse({ ...cell, row: -1 }).success).toBe(false);
    expect(
      ExtractedTableSchema.safeParse({ id: 't', pages: [1], headerRows: 0, nRows: 0, nCols: 0, cells: [], method: 'x' })
        .success,
    ).toBe(false);
  });

  it('DocumentError names the file and the reason on one line', () => {
    const error = new DocumentError('corpus/b.pdf', 'PDF is encrypted with a password');
    expect(error.message).toBe('corpus/b.pdf: PDF is encrypted with a password');
    expect([error.file, error.reason]).toEqual(['corpus/b.pdf', 'PDF is encrypted with a password']);
  });
});
