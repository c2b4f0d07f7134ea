import type { ExtractedTableInput } from '../../model.ts';
import type { TableRegion } from './regions.ts';
export function buildPerformanceTable(_r: TableRegion, _f: ReadonlySet<number>, _id: string): ExtractedTableInput | undefined {
  return undefined;
}
