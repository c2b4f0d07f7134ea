/** Splitting the goal text of a performance form into 年度目标 and 实际完成情况. */

/** A text fragment with its source line. */
export interface Frag {
  text: string;
  line: number;
}

/** Split the goal text into 年度目标 and 实际完成情况 (two wrapped columns read one after the other). */
export function splitGoals(frags: readonly Frag[]): [Frag[], Frag[], number] {
  if (frags.length === 0) return [[], [], 1];
  const first = frags[0];
  const gap = first ? first.text.indexOf(' ') : -1;
  if (first && gap > 0) {
    const planned = { text: first.text.slice(0, gap), line: first.line };
    const actual = { text: first.text.slice(gap + 1).trim(), line: first.line };
    return [[planned], [actual, ...frags.slice(1)], 0.8];
  }
  // The planned column ends with a sentence end not followed by a numbered continuation (2.…).
  for (let i = 0; i < frags.length - 1; i++) {
    const here = frags[i]?.text ?? '';
    const next = frags[i + 1]?.text ?? '';
    if (/[。；;.]$/.test(here) && !/^\d+\s*[.、]/.test(next)) return [frags.slice(0, i + 1), frags.slice(i + 1), 0.7];
  }
  const year = frags.findIndex((f, i) => i > 0 && /^\d{4}年/.test(f.text));
  if (year > 0) return [frags.slice(0, year), frags.slice(year), 0.5];
  return [[...frags], [], 0.4];
}
