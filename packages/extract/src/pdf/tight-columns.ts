/**
 * Tight columns in unruled tables: two columns printed only a word space apart ("(4.7) Ref.") read as one
 * chunk on every line, so no whitespace column separates them. A word gap that lines up down the rows, with
 * content on both sides in most rows, is a column edge.
 */
import type { Box } from '../model.ts';
import { boxed } from './geometry.ts';
import type { Glyph } from './types.ts';
import { whitespaceBands } from './whitespace-bands.ts';

/** A run of glyphs on one line (a cell candidate). */
export type Chunk = Box & { glyphs: Glyph[] };

/** Gaps wider than this (× font size), or a printed space, separate words. */
const WORD_GAP = 0.2;
/** Share of the column's lines that must have words on both sides of a new edge. */
const BOTH_SIDES = 0.6;
/** Share of the column's lines allowed to cross a new edge. */
const CROSSING_SHARE = 0.1;

/** A text repeated in at least this share of rows on one side of a candidate edge rules the edge out. */
const REPEATED_SHARE = 0.5;

const sideText = (ws: readonly Chunk[]) => ws.map((w) => w.glyphs.map((g) => g.ch).join('')).join(' ');

function mostCommonShare(texts: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return texts.length ? Math.max(...counts.values()) / texts.length : 1;
}

function wordsOf(glyphs: readonly Glyph[]): Glyph[][] {
  const words: Glyph[][] = [];
  for (const g of glyphs) {
    const word = words[words.length - 1];
    const last = word?.[word.length - 1];
    if (word && last && !g.spaceBefore && g.x0 - last.x1 <= WORD_GAP * Math.min(g.size, last.size)) word.push(g);
    else words.push([g]);
  }
  return words;
}

/** New edges inside one column [left, right): word-level whitespace runs with words on both sides in most lines. */
function edgesInside(lineWords: Chunk[][], left: number, right: number): number[] {
  const inCol = lineWords
    .map((ws) => ws.filter((w) => w.x0 >= left && w.x1 < right))
    .filter((ws, i) => ws.length > 0 && ws.length === lineWords[i]!.filter((w) => w.x1 > left && w.x0 < right).length);
  if (inCol.length < 3) return [];
  const out: number[] = [];
  for (const [a, b] of whitespaceBands(inCol, left, right, CROSSING_SHARE)) {
    const sides = inCol.map((ws) => [
      sideText(ws.filter((w) => w.x1 <= a + 0.5)),
      sideText(ws.filter((w) => w.x0 >= b - 0.5)),
    ]);
    const both = sides.filter(([l, r]) => /[\p{L}\p{N}]/u.test(l!) && r !== '');
    // The same text on one side in most rows is a unit or a repeated phrase ("40 years", "Projections of …").
    const varied = (k: 0 | 1) => mostCommonShare(both.map((s) => s[k]!)) < REPEATED_SHARE;
    if (both.length >= Math.max(3, BOTH_SIDES * inCol.length) && varied(0) && varied(1)) out.push((a + b) / 2);
  }
  return out;
}

/** Add edges for tight columns and split each line's chunks at them (only chunks inside one original column). */
export function splitTightColumns(
  chunks: readonly Chunk[][],
  tabular: readonly boolean[],
  edges: readonly number[],
): { edges: number[]; chunks: Chunk[][] } {
  const lineWords = chunks.map((line, i) => (tabular[i] ? line.flatMap((c) => wordsOf(c.glyphs).map(boxed)) : []));
  const added: number[] = [];
  for (let i = 0; i < edges.length - 1; i++) added.push(...edgesInside(lineWords, edges[i]!, edges[i + 1]!));
  if (added.length === 0) return { edges: [...edges], chunks: chunks.map((l) => [...l]) };
  const within = (c: Chunk) => edges.some((e, i) => i < edges.length - 1 && c.x0 >= e && c.x1 < edges[i + 1]!);
  const split = chunks.map((line) =>
    line.flatMap((c) => {
      if (!within(c)) return [c];
      const parts: Glyph[][] = [];
      for (const w of wordsOf(c.glyphs)) {
        const part = parts[parts.length - 1];
        const last = part?.[part.length - 1];
        if (part && last && !added.some((e) => e > last.x1 && e < w[0]!.x0)) part.push(...w);
        else parts.push([...w]);
      }
      return parts.map(boxed);
    }),
  );
  return { edges: [...edges, ...added].sort((a, b) => a - b), chunks: split };
}
