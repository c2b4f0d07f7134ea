/**
 * Fake-bold repair for converter text without glyph positions: a run drawn twice comes out as two copies
 * (`项目项目`, `301301`, `栏次 11 22`). Without geometry the doubling can only be inferred from context, so
 * each function here decides on a whole token, a whole header fragment or a whole number sequence, never on
 * single characters (real 常常, 1111.00 and 2020 must survive).
 */

/** The single copy when `text` is exactly two copies of one string (`项目项目` → `项目`), else undefined. */
export function halfIfDoubled(text: string): string | undefined {
  const chars = Array.from(text);
  if (chars.length < 2 || chars.length % 2 !== 0) return undefined;
  const half = chars.length / 2;
  const first = chars.slice(0, half).join('');
  return first === chars.slice(half).join('') ? first : undefined;
}

/**
 * Undouble a body token only on strong evidence: the copy must be at least `minHalf` characters long, so a
 * real reduplication such as 常常 (copy of one character) survives.
 */
export function undoubleToken(text: string, minHalf = 2): string | undefined {
  const half = halfIfDoubled(text);
  return half !== undefined && Array.from(half).length >= minHalf ? half : undefined;
}

/**
 * Decompose a header fragment into doubled runs (`入入功能分类功能分类` → `入功能分类`, `位位` → `位`).
 * Only for header zones, where every glyph is fake-bold; undefined when the fragment is not entirely doubled.
 * Among decompositions the one with the fewest runs wins (longest copies).
 */
export function undoubleRuns(text: string): string | undefined {
  const chars = Array.from(text);
  const n = chars.length;
  if (n < 2) return undefined;
  const best: ({ runs: number; prev: number } | undefined)[] = new Array(n + 1).fill(undefined);
  best[0] = { runs: 0, prev: -1 };
  for (let i = 0; i < n; i++) {
    const here = best[i];
    if (!here) continue;
    for (let len = 1; i + 2 * len <= n; len++) {
      let same = true;
      for (let k = 0; k < len && same; k++) same = chars[i + k] === chars[i + len + k];
      if (!same) continue;
      const end = i + 2 * len;
      const cur = best[end];
      if (!cur || cur.runs > here.runs + 1) best[end] = { runs: here.runs + 1, prev: i };
    }
  }
  if (!best[n]) return undefined;
  const parts: string[] = [];
  for (let end = n; end > 0; ) {
    const step = best[end];
    if (!step) return undefined;
    parts.unshift(chars.slice(step.prev, step.prev + (end - step.prev) / 2).join(''));
    end = step.prev;
  }
  return parts.join('');
}

const CODE_LENGTHS = new Set([3, 5, 7]);

/** True for a classification code's shape: 3, 5 or 7 digits (functional 类/款/项, economic 类/款). */
export function isCodeShape(text: string): boolean {
  return /^\d+$/.test(text) && CODE_LENGTHS.has(text.length);
}

/** A code printed twice (`301301` → `301`): both halves equal and of a code's shape; else undefined. */
export function undoubleCode(text: string): string | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const half = halfIfDoubled(text);
  return half !== undefined && isCodeShape(half) ? half : undefined;
}

/**
 * Column numbers (栏次) printed twice (`11 22 33` → 1 2 3). They are undoubled only when the printed numbers
 * are not already 1..n and their halves are, so a real `1 2 … 11 12` stays as printed.
 */
export function undoubleColumnNumbers(printed: readonly string[]): { numbers: number[]; doubled: boolean } {
  const plain = printed.map((p) => Number(p.replace(/\.0+$/, '')));
  if (isRun(plain)) return { numbers: plain, doubled: false };
  const halves = printed.map((p) => halfIfDoubled(p.replace(/\.0+$/, '')));
  if (halves.every((h) => h !== undefined && /^\d+$/.test(h))) {
    const numbers = halves.map((h) => Number(h));
    if (isRun(numbers)) return { numbers, doubled: true };
  }
  return { numbers: plain, doubled: false };
}

function isRun(numbers: readonly number[]): boolean {
  return numbers.length > 0 && numbers.every((n, i) => Number.isInteger(n) && n === (numbers[0] ?? 0) + i);
}
