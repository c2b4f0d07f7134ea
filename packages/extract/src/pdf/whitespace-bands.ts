/** Whitespace bands across lines: where columns nobody ruled part, found by counting ink per x position. */

/**
 * Bands inside [left, right) that at most `crossingShare` of the lines print over, with ink before and after
 * them, as [a, b]: a is the first white x, b the first inked x after it. Callers decide which bands part columns.
 */
export function* whitespaceBands(
  lines: readonly (readonly { x0: number; x1: number }[])[],
  left: number,
  right: number,
  crossingShare: number,
): Generator<[number, number]> {
  const x0 = Math.floor(left);
  const width = Math.ceil(right) - x0 + 1;
  const count = new Int32Array(width);
  for (const line of lines) {
    for (const span of line) {
      const to = Math.min(width - 1, Math.floor(span.x1) - x0);
      for (let x = Math.max(0, Math.ceil(span.x0) - x0); x <= to; x++) count[x]! += 1;
    }
  }
  const limit = Math.floor(crossingShare * lines.length);
  let gapStart = -1;
  let seen = false;
  for (let x = 0; x < width; x++) {
    if (count[x]! <= limit) {
      if (gapStart < 0) gapStart = x;
      continue;
    }
    if (gapStart >= 0 && seen) yield [x0 + gapStart, x0 + x];
    gapStart = -1;
    seen = true;
  }
}
