/** tables.json: every extracted table of the run, recognised or not, with cells, provenance and its kind. */
import type { ExtractedTable } from '@ledgerlift/extract';
import type { NormalizedTable } from '@ledgerlift/normalize';
import { documentKeys } from './document-keys.ts';
import type { RunDocument } from './run-model.ts';

/** What normalize recognised in a table (absent when it did not look at it or found nothing). */
export interface TableRecognition {
  kind: NormalizedTable['kind'];
  number: string;
  title: string;
  unit: string;
  unit_printed: string;
  project: string;
  empty: boolean;
  rows: number;
  warnings: string[];
  /** Performance tables: each target (年度指标值/实际完成值) as printed with its parsed {op, value, unit}. */
  targets?: NonNullable<NormalizedTable['targets']>;
}

/** One entry of tables.json: the extracted table plus where it comes from and what it was recognised as. */
export interface TableEntry extends Omit<ExtractedTable, 'id'> {
  /** Unique in the run: `<document stem>/<table id>` (the `table_id` of facts). */
  id: string;
  /** The id inside its document (validation.json's cells use it, beside their document). */
  table_id: string;
  document: string;
  document_sha256: string;
  recognised: TableRecognition | null;
}

function recognition(table: NormalizedTable): TableRecognition {
  return {
    kind: table.kind,
    number: table.number,
    title: table.title,
    unit: table.unit,
    unit_printed: table.unitPrinted,
    project: table.project,
    empty: table.empty,
    rows: table.rows.length,
    warnings: table.warnings,
    ...(table.targets?.length ? { targets: table.targets } : {}),
  };
}

/** The tables of every document that got through extraction, keyed uniquely in the run. */
export function buildTableEntries(docs: readonly RunDocument[]): TableEntry[] {
  const keys = documentKeys(docs);
  return docs.flatMap((doc, i) => {
    if (!doc.extracted) return [];
    const byId = new Map((doc.normalized?.tables ?? []).map((t) => [t.id, t]));
    return doc.extracted.tables.map((table): TableEntry => {
      const normalized = byId.get(table.id);
      return {
        ...table,
        id: `${keys[i]}/${table.id}`,
        table_id: table.id,
        document: doc.extracted?.source.name ?? '',
        document_sha256: doc.sha256,
        recognised: normalized ? recognition(normalized) : null,
      };
    });
  });
}

/** The tables.json document. */
export function tablesJson(docs: readonly RunDocument[], generated: string): string {
  return `${JSON.stringify({ version: 1, generated, tables: buildTableEntries(docs) }, null, 2)}\n`;
}
