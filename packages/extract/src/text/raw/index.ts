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

/** Tables found, and one warning per table region that could not be read. */
export interface RawExtraction {
  tables: ExtractedTableInput[];
  warnings: string[];
}

/** Find and parse every table in raw converter text, reporting regions that failed instead of throwing. */
export function readRawTables(lines: readonly TextLine[]): RawExtraction {
  const furniture = findFurniture(lines);
  const tables: ExtractedTableInput[] = [];
  const warnings: string[] = [];
  for (const region of findRegions(lines)) {
    const id = `t${String(tables.length + 1).padStart(2, '0')}`;
    try {
      const table =
        region.kind === 'performance'
          ? buildPerformanceTable(region, furniture, id)
          : buildGridTable(region, furniture, id);
      if (table) tables.push(table);
    } catch (error) {
      // One unreadable table must not cost the rest of the document.
      warnings.push(`table "${region.titleText}" at line ${region.title.lineNo} not read: ${String(error)}`);
    }
  }
  return { tables, warnings };
}

/** Find and parse every table in raw converter text. */
export function extractRawTables(lines: readonly TextLine[]): ExtractedTableInput[] {
  return readRawTables(lines).tables;
}
