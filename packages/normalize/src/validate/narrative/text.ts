/**
 * The document text as one searchable string: width-folded (NFKC), markup and whitespace removed so that
 * phrases broken over lines and pages read whole, with sentence breaks before headings and numbered items.
 */
import type { TextLine } from '@ledgerlift/extract';

/** The joined text and where each input line starts in it. */
export interface JoinedText {
  text: string;
  /** Start offset of each input line in `text`, ascending. */
  starts: { offset: number; line: TextLine }[];
}

const HEADING_RE = /^(?:#+|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、](?!\d))/u;
/** Section headings (not numbered items, whose text may wrap onto the next line mid-word). */
const SECTION_RE = /^(?:#+|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\))/u;

function clean(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/<\/?[a-z]+>/gi, '')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, '');
}

/** Join the lines; a heading or numbered item starts a new sentence, a short section heading also ends one. */
export function joinText(lines: readonly TextLine[]): JoinedText {
  let text = '';
  const starts: JoinedText['starts'] = [];
  for (const line of lines) {
    const raw = line.text.normalize('NFKC').trim();
    const body = clean(raw);
    if (!body) continue;
    const heading = HEADING_RE.test(raw);
    if (heading) text += '。';
    starts.push({ offset: text.length, line });
    text += body.replace(/^#+/, '');
    if (SECTION_RE.test(raw) && body.length <= 40 && !/[。;]/.test(body)) text += '。';
  }
  return { text, starts };
}

/** The input lines covering text[start, end). */
export function linesAt(joined: JoinedText, start: number, end: number): TextLine[] {
  const first = lastIndexAtOrBefore(joined, start);
  const last = lastIndexAtOrBefore(joined, Math.max(start, end - 1));
  return joined.starts.slice(first, last + 1).map((s) => s.line);
}

function lastIndexAtOrBefore(joined: JoinedText, offset: number): number {
  let lo = 0;
  let hi = joined.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((joined.starts[mid]?.offset ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
