/**
 * Tables from raw pdftotext-style output where cell boundaries are lost (seed 002 and its family): fake-bold
 * doubling, wrapped cells, glued amounts, blank cells visible only as runs of spaces, page furniture inside
 * tables. Grid tables (公开01–10) and 项目支出绩效自评表 forms are recognised by title, not by number.
 */
import type { ExtractedTableInput, TextLine } from '../../model.ts';
import { findFurniture } from './furniture.ts';
import { buildGridTable } from './grid.ts';
import { buildPerformanceTable } from './performance.ts';
import { findRegions } from './regions.ts';

/** Find and parse every table in raw converter text. */
export function extractRawTables(lines: readonly TextLine[]): ExtractedTableInput[] {
  const furniture = findFurniture(lines);
  const tables: ExtractedTableInput[] = [];
  for (const region of findRegions(lines)) {
    const id = `t${String(tables.length + 1).padStart(2, '0')}`;
    try {
      const table =
        region.kind === 'performance'
          ? buildPerformanceTable(region, furniture, id)
          : buildGridTable(region, furniture, id);
      if (table) tables.push(table);
    } catch {
      // A region that cannot be read is skipped, never fatal: the rest of the document still counts.
    }
  }
  return tables;
}
