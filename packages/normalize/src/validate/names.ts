/** Comparing printed row names: markup, spacing, ordinals and width differences do not count. */

const ORDINAL_RE = /^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])/u;

/** A printed name reduced to what identifies it. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/<\/?[a-z]+>/gi, '')
    .replace(/[\s*#]+/g, '')
    .replace(ORDINAL_RE, '')
    .replace(/^其中[:：]?/, '');
}

/** True when the row's name (canonical or printed) matches the pattern after reduction. */
export function nameMatches(row: { name: string; namePrinted: string }, pattern: RegExp): boolean {
  return pattern.test(nameKey(row.name)) || pattern.test(nameKey(row.namePrinted));
}
