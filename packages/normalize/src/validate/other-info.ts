/** 部门决算公开相关信息统计表: 政府采购 合计 = 货物 + 工程 + 服务; 车辆数合计 = Σ …用车. */
import type { NormalizedDocument, NormalizedTable, ValidationResult } from '../model.ts';
import { columnTerms, rowLabel, termOf } from './cells.ts';
import { OTHER_INFO_SUMS } from './identities.ts';
import { checkIdentity } from './identity.ts';
import { nameMatches } from './names.ts';

/** Each printed total of the statistics table against its printed parts. */
export function otherInfoChecks(doc: NormalizedDocument, table: NormalizedTable): ValidationResult[] {
  const results: (ValidationResult | undefined)[] = [];
  for (const sum of OTHER_INFO_SUMS) {
    const total = table.rows.find((r) => nameMatches(r, sum.total));
    const parts = table.rows.filter((r) => r !== total && nameMatches(r, sum.parts));
    if (!total || parts.length === 0) continue;
    results.push(
      checkIdentity({
        document: doc.meta.document,
        check: `other_info/${sum.name}`,
        description: `${table.id} other_info: ${rowLabel(total)} = ${parts.map(rowLabel).join(' + ')}`,
        left: [termOf(table, total, 'amount')],
        right: columnTerms(table, parts, 'amount'),
        tables: [table],
      }),
    );
  }
  return results.filter((r): r is ValidationResult => r !== undefined);
}
