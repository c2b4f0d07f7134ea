/** Cleaning printed labels: markup, fake-bold doubling, whitespace, ordinal prefixes, match keys. */

const TAG_RE = /<\/?[a-z][^>]*>/gi;
const SPACE_RE = /[\s\u3000]+/g;
const CJK = '[\\u3400-\\u9fff\\uff08\\uff09\\uff1a\\u201c\\u201d]';
const CJK_GAP_RE = new RegExp(`(?<=${CJK})\\s+(?=${CJK})`, 'gu');

/** Remove markup (`<b>`, `<p>`) and trim; keeps the printed characters otherwise. */
export function stripMarkup(text: string): string {
  return text.replace(TAG_RE, '').trim();
}

/**
 * Undo fake-bold doubling: a label printed twice over itself reads `收入收入`; only whole-string
 * repeats are folded so that real repeated characters (`人人`) inside a name survive.
 */
export function undouble(text: string): string {
  const n = text.length;
  if (n >= 4 && n % 2 === 0 && text.slice(0, n / 2) === text.slice(n / 2)) return text.slice(0, n / 2);
  return text;
}

/** Printed label → display form: markup and all whitespace removed, doubling folded. */
export function cleanLabel(text: string): string {
  return undouble(stripMarkup(text).replace(SPACE_RE, ''));
}

/** Printed text → display form for free text: markup removed, whitespace between CJK characters removed. */
export function cleanText(text: string): string {
  return stripMarkup(text).replace(CJK_GAP_RE, '').replace(SPACE_RE, ' ').trim();
}

const ORDINAL_RE =
  /^(?:[（(][一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十百零〇]+[、.．]|\d+[、.．](?!\d)|[①-⑳])\s*/u;

/** Remove a leading ordinal such as `一、`, `（一）`, `1.` or `二十三、`. */
export function stripOrdinal(text: string): string {
  return text.replace(ORDINAL_RE, '');
}

/** Remove a leading `其中：`/`其中:`. */
export function stripQizhong(text: string): string {
  return text.replace(/^其中[:：]?/u, '');
}

/** A row name as the contract wants it: markup, doubling, whitespace, ordinal and 其中： removed. */
export function rowNameOf(printed: string): string {
  return stripQizhong(stripOrdinal(cleanLabel(printed))).replace(/[:：]$/u, '');
}

/**
 * A key for comparing labels across printings: NFKC, no whitespace, no brackets/quotes/punctuation,
 * so `因公出国 (境)费` and `因公出国（境）费` compare equal.
 */
export function matchKey(text: string): string {
  return cleanLabel(text)
    .normalize('NFKC')
    .replace(/[()（）[\]【】“”"'‘’「」《》、,，.。:：;；\-－—_/\\·]/gu, '');
}
