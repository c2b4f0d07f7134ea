/** Turning an ExtractedDocument into recognised tables and facts with a profile. */
import type { ExtractedDocument, ExtractedTable } from '@ledgerlift/extract';
import type { CodeList } from './codes/code-list.ts';
import { defaultCodeList } from './codes/load.ts';
import { toFacts, toRow } from './facts/to-facts.ts';
import { findDocumentUnit, findEntity, findYear, unitOfLine } from './meta/document-meta.ts';
import type { DocumentMeta, Fact, NormalizedDocument, NormalizedTable, TableKind } from './model.ts';
import { readPerformance } from './performance/performance-table.ts';
import type { Profile, TableSpec } from './profile/schema.ts';
import { reportTypeOf, selectProfile } from './profile/select.ts';
import type { HeaderColumn } from './tables/grid.ts';
import { readGridTable } from './tables/grid-table.ts';
import { specByHeader, specByTitle, tableNumberOf, titleOf } from './tables/recognize.ts';
import type { RowRecord } from './tables/record.ts';
import { isSideBySide, readSideBySide } from './tables/side-by-side.ts';
import { cleanLabel } from './text/clean.ts';

export interface NormalizeOptions {
  /** Code list to check row codes against (default: data/codes-v1.csv). */
  codes?: CodeList;
}

const UNKNOWN_SPEC: TableSpec = {
  kind: 'unknown',
  titles: [],
  exclude: [],
  header: [],
  rowKey: 'name',
  twoSided: false,
  leiByName: false,
  columns: [],
  rowUnits: [],
  rowGroups: [],
};

interface Recognised {
  spec: TableSpec;
  title: string;
  number: string;
  unit: string;
  project: string;
  signature: string;
  header: HeaderColumn[] | undefined;
}

/** Normalize one extracted document; a table that cannot be read becomes a warning, never a crash. */
export function normalizeDocument(
  doc: ExtractedDocument,
  profile?: Profile,
  options: NormalizeOptions = {},
): NormalizedDocument {
  const p = profile ?? selectProfile(doc);
  const codes = options.codes ?? defaultCodeList();
  const meta: DocumentMeta = {
    document: doc.source.name,
    sha256: doc.source.sha256,
    entity: findEntity(doc.text),
    year: findYear(
      doc.text,
      doc.tables.map((t) => t.title ?? ''),
    ),
    reportType: reportTypeOf(doc, p),
    profile: p.id,
  };
  const docUnit = findDocumentUnit(doc.text) || '元';
  const tables: NormalizedTable[] = [];
  const facts: Fact[] = [];
  const warnings: string[] = [];
  let previous: Recognised | undefined;
  for (const t of doc.tables) {
    try {
      const out = normalizeTable(t, doc, p, codes, meta, docUnit, previous);
      previous = out.recognised;
      tables.push(out.table);
      facts.push(...out.facts);
    } catch (err) {
      warnings.push(`${doc.source.name} table ${t.id}: not normalized: ${(err as Error).message}`);
    }
  }
  return { meta, tables, facts, text: doc.text, warnings };
}

function unitOfTable(t: ExtractedTable): string | undefined {
  for (const text of [...t.caption.map((l) => l.text), t.title ?? '']) {
    const u = unitOfLine(text);
    if (u) return u;
  }
  return undefined;
}

/** The project a performance table belongs to: its 项目名称 row, the extractor's subject, the title, or the text above. */
function projectOf(t: ExtractedTable, title: string, doc: ExtractedDocument, fromRows: string): string {
  if (fromRows !== '') return cleanLabel(fromRows);
  if (t.subject) return cleanLabel(t.subject);
  const fromTitle = title.replace(/(?:\(?20\d{2}年度?\)?)?项目支出绩效自评表.*$/u, '');
  if (fromTitle !== title && fromTitle.length >= 2) return fromTitle;
  const firstLine = t.lines?.[0] ?? t.cells.flatMap((c) => c.provenance.lines ?? [])[0];
  if (firstLine === undefined) return '';
  const above = doc.text.filter((l) => l.lineNo < firstLine && /项目名称[:：]/u.test(l.text));
  const m = /项目名称[:：]\s*(.+)$/u.exec(above[above.length - 1]?.text ?? '');
  return m?.[1] ? cleanLabel(m[1]) : '';
}

/** Text lines from the table's first line up to its first body row: the header as printed. */
function printedHeaderOf(t: ExtractedTable, doc: ExtractedDocument): string {
  const start = t.lines?.[0];
  const body = t.cells.filter((c) => !c.header).flatMap((c) => c.provenance.lines ?? []);
  if (start === undefined || body.length === 0) return '';
  const end = Math.min(...body);
  return doc.text
    .filter((l) => l.lineNo >= start && l.lineNo < end)
    .map((l) => l.text)
    .join('\n');
}

function normalizeTable(
  t: ExtractedTable,
  doc: ExtractedDocument,
  p: Profile,
  codes: CodeList,
  meta: DocumentMeta,
  docUnit: string,
  previous: Recognised | undefined,
): { table: NormalizedTable; facts: Fact[]; recognised: Recognised } {
  const title = titleOf(t, p);
  const byTitle = specByTitle(title, p, t.method === 'ocr');
  const performanceSpec = p.tables.find((s) => s.kind === 'performance');
  // A printed but unrecognised title means another table (部门整体绩效指标表, 评价指标体系评分表): no header guess.
  const untitled = title === '';
  let spec =
    byTitle ??
    (untitled && t.layout.kind === 'key-value' && performanceSpec ? performanceSpec : undefined) ??
    (untitled ? specByHeader(t, p) : undefined);
  let number = tableNumberOf(t);
  let unit = unitOfTable(t);
  const rawTitle = title;
  let shownTitle = title;
  let continued = false;
  if (!byTitle && previous && previous.spec.kind !== 'unknown' && (!spec || spec === previous.spec) && title === '') {
    spec = previous.spec;
    shownTitle = previous.title;
    number ||= previous.number;
    unit ??= previous.unit;
    continued = true;
  }
  spec ??= UNKNOWN_SPEC;
  let unitPrinted = unit ?? docUnit;
  const ctx = { spec, codes, unitPrinted, printedHeader: printedHeaderOf(t, doc) };
  let records: RowRecord[];
  let project = '';
  let signature = '';
  let header: HeaderColumn[] | undefined;
  let tableWarnings: string[];
  let targets: NormalizedTable['targets'];
  if (spec.kind === 'performance') {
    const read = readPerformance(t, p.performance, unit ?? '');
    records = read.rows;
    unitPrinted = read.fundsUnit;
    project = projectOf(t, rawTitle, doc, read.project);
    if (project === '' && continued && previous) project = previous.project;
    tableWarnings = read.warnings;
    targets = read.targets.map((x) => ({
      path: x.path,
      name: x.name,
      column: x.column,
      raw: x.raw,
      op: x.parsed?.op ?? '',
      value: x.parsed?.value ?? '',
      unit: x.parsed?.unit ?? '',
    }));
  } else {
    const read =
      spec.kind === 'general_budget_basic' && isSideBySide(t)
        ? readSideBySide(t, ctx)
        : readGridTable(t, ctx, continued ? previous?.header : undefined);
    records = read.rows;
    signature = read.signature;
    header = read.header;
    tableWarnings = read.warnings;
  }
  const kind: TableKind = spec.kind;
  const captionText = [t.title ?? '', ...t.caption.map((l) => l.text)].join('\n');
  const hasNumber = records.some((r) => r.cells.some((c) => c.read.status !== 'blank'));
  const table: NormalizedTable = {
    id: t.id,
    document: meta.document,
    kind,
    number,
    title: shownTitle,
    unit: kind === 'performance' || kind === 'unknown' ? '' : '元',
    unitPrinted,
    project,
    pages: t.pages,
    rows: records.map((r) => toRow(r, doc, t.confidence)),
    empty: /无数据/u.test(captionText) || !hasNumber,
    warnings: [...t.warnings, ...tableWarnings],
    ...(targets ? { targets } : {}),
  };
  const facts = toFacts(
    records,
    { id: t.id, kind, number, title: shownTitle, project, unitPrinted, confidence: t.confidence },
    meta,
    doc,
  );
  return {
    table,
    facts,
    recognised: { spec, title: shownTitle, number, unit: unitPrinted, project, signature, header },
  };
}
