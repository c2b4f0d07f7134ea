/**
 * Building one grid table (公开01–10 style) from its region: header zone → column template, body → printed
 * rows → cells with line provenance and placement confidence.
 */
import type { ExtractedTableInput, TextLine } from '../../model.ts';
import { type Identity, identitiesFromLeaves, placeValues } from './arithmetic.ts';
import { type CellInput, headerCellsFromPaths } from './cells.ts';
import { undoubleRuns } from './doubling.ts';
import { usesTwoDecimals } from './glue.ts';
import { type HeaderTemplate, isColumnNumberLine, readHeader, undoubleHeaderText } from './header.ts';
import { hierarchyWarnings } from './hierarchy.ts';
import { HEADER_LABELS, STUB_LABELS, segmentLabels } from './lexicon.ts';
import { type Piece, toPieces } from './pieces.ts';
import type { TableRegion } from './regions.ts';
import {
  type ParsedRow,
  type RowPart,
  readCodeNameRows,
  readLabelLineRows,
  readValueRows,
  type ValueCell,
} from './rows.ts';

const ORDINAL_RE = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/u;

/** A body line is data when it prints an amount or starts with a code. */
function isDataLine(text: string): boolean {
  const t = text.trim();
  if (isColumnNumberLine(t)) return false;
  if (/\d\.\d{2}/.test(t)) return true;
  return /^\d{3,}(\s|$)/.test(t);
}

/** A line in the body that repeats header labels only (10表 prints one per section). */
function isHeaderLine(text: string): boolean {
  const t = text.trim();
  if (!t || /\d/.test(t)) return false;
  // Header glyphs are fake-bold: every piece must be doubled, and a lone label (`支出`) is a wrapped name.
  if (!t.split(/\s+/).every((piece) => undoubleRuns(piece) !== undefined)) return false;
  const labels = segmentLabels(undoubleHeaderText(t), HEADER_LABELS);
  return labels.length >= 2 && labels.every((l) => HEADER_LABELS.includes(l));
}

/**
 * A table continued on the next page repeats its header: fake-bold fragments without digits ending in a
 * 栏次 row. Those lines (back to the last line with a digit) are dropped from the body.
 */
export function dropRepeatedHeaders(body: readonly TextLine[]): TextLine[] {
  const drop = new Set<number>();
  body.forEach((l, i) => {
    if (!/^\s*(栏次)+/.test(l.text)) return;
    drop.add(l.lineNo);
    for (let j = i - 1; j >= 0; j--) {
      const t = body[j]?.text.trim() ?? '';
      if (t === '') continue;
      if (/\d/.test(t) || !t.split(/\s+/).every((p) => undoubleRuns(p) !== undefined)) break;
      drop.add(body[j]?.lineNo ?? 0);
    }
  });
  return body.filter((l) => !drop.has(l.lineNo));
}

interface Emitter {
  cells: CellInput[];
  row: number;
}

function valueCell(piece: Piece, row: number, col: number, confidence: number, note?: string): CellInput {
  const notes = [...piece.notes, ...(note ? [note] : [])];
  const cell: CellInput = { text: piece.text, row, col, header: false, provenance: { lines: piece.lines }, confidence };
  if (notes.length > 0) cell.notes = notes;
  return cell;
}

function stubCell(piece: Piece, row: number, col: number, colspan = 1): CellInput {
  const cell = valueCell(piece, row, col, 1);
  if (colspan > 1) cell.colspan = colspan;
  return cell;
}

/** Emit one side/block of a row at column `base`; returns false when the part prints nothing. */
function emitPart(
  out: Emitter,
  part: RowPart,
  base: number,
  k: number,
  identities: readonly Identity[],
  stub: HeaderTemplate['stub'],
): boolean {
  const placed = placeValues<Piece>(part.values as ValueCell[], k, identities, (p) => p.text);
  const any = part.code || part.label || part.line || placed.cells.some((c) => c !== undefined);
  if (!any) return false;
  if (part.code) out.cells.push(stubCell(part.code, out.row, base));
  if (part.label) {
    // A label without a code (合计, 人员经费合计) spans the code and name columns, as printed.
    const spans = stub === 'code-name' && !part.code;
    const col = stub === 'label-line' || spans ? base : base + 1;
    out.cells.push(stubCell(part.label, out.row, col, spans ? 2 : 1));
  }
  if (part.line) out.cells.push(stubCell(part.line, out.row, base + 1));
  const first = base + (stub === 'none' ? 0 : 2);
  placed.cells.forEach((p, j) => {
    if (p) out.cells.push(valueCell(p, out.row, first + j, placed.confidence, placed.note));
  });
  return true;
}

/** Build a grid table from its region; undefined when no header or body could be read. */
export function buildGridTable(
  region: TableRegion,
  furniture: ReadonlySet<number>,
  id: string,
): ExtractedTableInput | undefined {
  const lines = region.body.filter((l) => !furniture.has(l.lineNo));
  const nonBlank = lines.filter((l) => l.text.trim() !== '');
  const firstData = nonBlank.findIndex((l) => isDataLine(l.text));
  const beforeData = firstData < 0 ? nonBlank : nonBlank.slice(0, firstData);
  const columnAt = beforeData.findIndex((l) => isColumnNumberLine(l.text));
  const columnLine = columnAt >= 0 ? beforeData[columnAt] : undefined;
  // Without a 栏次 row the header ends at the first data line; numbered section labels before it (10表
  // 一、政府采购情况) belong to the body.
  const pre = columnAt >= 0 ? beforeData.slice(0, columnAt) : beforeData;
  const isSection = (l: TextLine) => columnAt < 0 && ORDINAL_RE.test(undoubleHeaderText(l.text));
  const headerZone = pre.filter((l) => !isSection(l));
  const sections = pre.filter(isSection);
  if (headerZone.length === 0 || (firstData < 0 && !columnLine)) return undefined;
  const template = readHeader(headerZone, columnLine);
  // A title with no recognisable header under it is a table of contents entry or a caption in prose.
  if (template.warnings.includes('no known header labels')) return undefined;
  const bodyStart = columnLine ? columnLine.lineNo : (nonBlank[firstData]?.lineNo ?? 0) - 1;
  const body = dropRepeatedHeaders([...sections, ...lines.filter((l) => l.lineNo > bodyStart)]);
  const twoDecimal = usesTwoDecimals(body.map((l) => l.text));
  const rules = { twoDecimal };

  // Column layout and header cells.
  const stubWidth = template.stub === 'none' ? 0 : 2;
  const widths = template.segments.map((s) => stubWidth + s.leaves.length);
  const paths: string[][] = [];
  template.segments.forEach((seg) => {
    const prefix = seg.side ? [seg.side] : [];
    if (template.stub === 'none') {
      // no stub columns
    } else if (template.stub === 'code-name') {
      const above = template.itemAbove ? ['项目'] : [];
      paths.push([...above, template.stubLabels[0]], [...above, template.stubLabels[1]]);
    } else paths.push([...prefix, '项目'], [...prefix, '行次']);
    for (const leaf of seg.leaves) paths.push([...prefix, ...leaf]);
  });
  const headerLines: [number, number] = [headerZone[0]?.lineNo ?? 1, headerZone.at(-1)?.lineNo ?? 1];
  const header = headerCellsFromPaths(paths, headerLines);
  const out: Emitter = { cells: [...header.cells], row: header.depth };
  if (columnLine && template.segments.some((s) => s.numbers.some((n) => n !== undefined))) {
    let base = 0;
    template.segments.forEach((seg, s) => {
      const lines: [number, number] = [columnLine.lineNo, columnLine.lineNo];
      if (stubWidth > 0)
        out.cells.push({ text: '栏次', row: out.row, col: base, colspan: 2, header: true, provenance: { lines } });
      seg.numbers.forEach((n, j) => {
        if (n !== undefined)
          out.cells.push({
            text: String(n),
            row: out.row,
            col: base + stubWidth + j,
            header: true,
            provenance: { lines },
          });
      });
      base += widths[s] ?? 0;
    });
    out.row += 1;
  }
  const headerRows = out.row;
  const identities = template.segments.map((s) => identitiesFromLeaves(s.leaves));
  const warnings = [...template.warnings];

  // Body: chunks between repeated header lines.
  const chunks: { header?: TextLine; lines: TextLine[] }[] = [{ lines: [] }];
  for (const l of body) {
    if (isHeaderLine(l.text)) chunks.push({ header: l, lines: [] });
    else chunks.at(-1)?.lines.push(l);
  }
  for (const chunk of chunks) {
    if (chunk.header) emitHeaderLine(out, chunk.header, template);
    const pieces = toPieces(chunk.lines, twoDecimal);
    const k0 = template.segments[0]?.leaves.length ?? 0;
    const rows: ParsedRow[] =
      template.stub === 'code-name'
        ? readCodeNameRows(pieces, k0, rules)
        : template.stub === 'none'
          ? readValueRows(pieces, k0, rules)
          : readLabelLineRows(
              pieces,
              template.segments.map((s) => s.leaves.length),
              rules,
            );
    for (const row of rows) {
      if (row.kind === 'section') {
        const label = row.parts[0]?.label;
        if (label) {
          out.cells.push(stubCell(label, out.row, 0, 2));
          out.row += 1;
        }
        continue;
      }
      let base = 0;
      let printed = false;
      // 06表 prints several code/name/amount blocks side by side; each block part becomes its own row here
      // (unpivoted: one row per economic code, block position dropped), so `blocks > 1` tables have one block.
      row.parts.forEach((part, s) => {
        const seg = template.blocks > 1 ? 0 : s;
        const k = template.segments[seg]?.leaves.length ?? 0;
        if (part.values.length > k) warnings.push(`row at line ${part.values[0]?.lines[0] ?? '?'} has extra values`);
        printed = emitPart(out, part, base, k, identities[seg] ?? [], template.stub) || printed;
        base += widths[seg] ?? 0;
      });
      if (printed) out.row += 1;
    }
  }
  for (const c of out.cells)
    if (c.notes?.includes('identity-fails')) warnings.push(`identity fails at lines ${c.provenance.lines?.join('-')}`);

  if (template.stub === 'code-name' && template.blocks === 1)
    warnings.push(...hierarchyWarnings(out.cells, stubWidth, widths[0] ?? 0));

  const caption = [...region.caption, ...region.notes];
  const allLines = [region.title, ...region.caption, ...region.body, ...region.notes].map((l) => l.lineNo);
  const pages = [
    region.title.page ?? 1,
    region.notes.at(-1)?.page ?? region.body.at(-1)?.page ?? region.title.page ?? 1,
  ];
  const table: ExtractedTableInput = {
    id,
    pages: [pages[0] ?? 1, Math.max(pages[0] ?? 1, pages[1] ?? 1)],
    lines: [Math.min(...allLines), Math.max(...allLines)],
    title: region.titleText,
    caption,
    headerRows,
    nRows: out.row,
    nCols: widths.reduce((a, b) => a + b, 0),
    cells: out.cells,
    layout: template.blocks > 1 ? { kind: 'side-by-side', blockWidth: widths[0] ?? 4 } : { kind: 'grid' },
    confidence: warnings.length > 0 ? 0.7 : 1,
    method: 'text-raw',
    warnings: [...new Set(warnings)],
  };
  return table;
}

/** A header line repeated inside the body (10表 sections): its labels as header cells of one row. */
function emitHeaderLine(out: Emitter, line: TextLine, template: HeaderTemplate): void {
  const labels = segmentLabels(undoubleHeaderText(line.text), HEADER_LABELS);
  let value = 2;
  for (const label of labels) {
    const col = label === '项目' ? 0 : STUB_LABELS.has(label) ? 1 : value++;
    if (template.stub === 'code-name' && col === 1 && label !== '科目名称') continue;
    out.cells.push({ text: label, row: out.row, col, header: true, provenance: { lines: [line.lineNo, line.lineNo] } });
  }
  out.row += 1;
}
