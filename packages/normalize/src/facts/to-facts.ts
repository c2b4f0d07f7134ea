/** Turning row records into NormalizedRows and one Fact per printed cell, with provenance. */
import type { Cell, ExtractedDocument } from '@ledgerlift/extract';
import type { DocumentMeta, Fact, NormalizedRow, TableKind } from '../model.ts';
import type { CellValue, RowRecord } from '../tables/record.ts';

/** Where a cell was printed: `lines a-b` for text, `p3 [x0,top,x1,bottom]` (0.1 pt) for PDFs/images. */
export function sourceOf(cell: Cell): string {
  const p = cell.provenance;
  if (p.box) {
    const r = (n: number) => String(Math.round(n * 10) / 10);
    return `p${p.page ?? ''} [${r(p.box.x0)},${r(p.box.top)},${r(p.box.x1)},${r(p.box.bottom)}]`;
  }
  if (p.lines) return `lines ${p.lines[0]}-${p.lines[1]}`;
  return '';
}

/** Page of a cell: always for PDFs; for text only when the file has form-feed pages. */
export function pageOf(cell: Cell, doc: ExtractedDocument): number | undefined {
  const p = cell.provenance;
  if (p.box || doc.source.pages > 1) return p.page;
  return undefined;
}

/** NormalizedRow of a record (values by canonical column key). */
export function toRow(rec: RowRecord, doc: ExtractedDocument, tableConfidence: number): NormalizedRow {
  const values: NormalizedRow['values'] = {};
  for (const v of rec.cells) {
    const page = pageOf(v.cell, doc);
    values[v.key] = {
      value: v.read.value,
      status: v.read.status,
      printed: v.read.printed,
      label: v.label,
      ...(page !== undefined ? { page } : {}),
      source: sourceOf(v.cell),
      confidence: Math.min(v.cell.confidence, tableConfidence, v.read.confidence ?? 1),
    };
  }
  return {
    code: rec.code,
    codeScheme: rec.scheme,
    level: rec.level,
    parentCode: rec.parent,
    codeStatus: rec.codeStatus,
    name: rec.name,
    namePrinted: rec.namePrinted,
    path: rec.path,
    line: rec.line,
    side: rec.side,
    values,
  };
}

export interface TableFacts {
  id: string;
  kind: TableKind;
  number: string;
  title: string;
  project: string;
  unitPrinted: string;
  confidence: number;
}

const fmtConfidence = (n: number) => String(Math.round(n * 1000) / 1000);

/** One Fact per cell of every record (blank cells included, with value_status `blank`). */
export function toFacts(
  records: readonly RowRecord[],
  table: TableFacts,
  meta: DocumentMeta,
  doc: ExtractedDocument,
): Fact[] {
  return records.flatMap((rec) =>
    rec.cells.map((v: CellValue): Fact => {
      const page = pageOf(v.cell, doc);
      return {
        document: meta.document,
        document_sha256: meta.sha256,
        entity: meta.entity,
        year: meta.year,
        report_type: meta.reportType,
        table_id: table.id,
        table_kind: table.kind,
        table_number: table.number,
        table_title: table.title,
        row_code: rec.code,
        code_scheme: rec.scheme,
        row_level: rec.level,
        parent_code: rec.parent,
        code_status: rec.codeStatus,
        row_name: rec.name,
        row_name_printed: rec.namePrinted,
        row_path: rec.path,
        row_line: rec.line,
        side: rec.side,
        project: table.project,
        column_key: v.key,
        column_label: v.label,
        column_number: v.number,
        value: v.read.value,
        value_status: v.read.status,
        value_printed: v.read.printed,
        unit: v.read.unit,
        unit_printed: v.read.unit === '元' ? table.unitPrinted : '',
        page: page !== undefined ? String(page) : '',
        source: sourceOf(v.cell),
        confidence: fmtConfidence(Math.min(v.cell.confidence, table.confidence, v.read.confidence ?? 1)),
      };
    }),
  );
}
