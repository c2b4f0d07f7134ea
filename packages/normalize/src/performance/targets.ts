/** Parsing a performance target as printed (`≥95%`, `≤800000元`, `>600人次`) into {op, value, unit}. */
import { canonical } from '@ledgerlift/extract';
import { z } from 'zod';

export const ParsedTargetSchema = z.object({
  op: z.enum(['>=', '<=', '>', '<', '=']),
  value: z.string(),
  unit: z.string(),
});
export type ParsedTarget = z.infer<typeof ParsedTargetSchema>;

const OPS: [RegExp, ParsedTarget['op']][] = [
  [/^(?:≥|>=|大于等于|不低于|不少于|不小于)/u, '>='],
  [/^(?:≤|<=|小于等于|不高于|不超过|不多于|不大于)/u, '<='],
  [/^(?:>|大于|高于|超过)/u, '>'],
  [/^(?:<|小于|低于|少于)/u, '<'],
  [/^(?:=|等于)/u, '='],
];
const NUMBER_RE = /^([+-]?\d+(?:,\d{3})*(?:\.\d+)?)(.*)$/u;

/**
 * Parse a target; undefined when it is not `[op] number [unit]` (及时, 12月底前, 持续保障 stay text only).
 * No operator means `=`. Whitespace is ignored (`≤3172 54元` reads 317254 元, as printed).
 */
export function parseTarget(raw: string): ParsedTarget | undefined {
  let s = raw.normalize('NFKC').replace(/\s+/g, '');
  let op: ParsedTarget['op'] = '=';
  for (const [re, o] of OPS) {
    const m = re.exec(s);
    if (m) {
      op = o;
      s = s.slice(m[0].length);
      break;
    }
  }
  const m = NUMBER_RE.exec(s);
  if (!m?.[1]) return undefined;
  const unit = m[2] ?? '';
  if (unit.length > 6 || /\d|[前后底内]$/u.test(unit)) return undefined;
  return { op, value: canonical(m[1].replace(/,/g, '')), unit };
}
