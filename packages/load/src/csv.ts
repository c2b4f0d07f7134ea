/** CSV and JSON Lines serialisation in batches, so large fact sets stream to disk instead of one huge string. */
import { stringify } from 'csv-stringify/sync';

const BATCH = 2000;

/** UTF-8 CSV (header first, LF line ends) of `rows` restricted to `columns`, in chunks. */
export function* csvChunks<T extends object>(
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
): Generator<string> {
  yield stringify([[...columns]]);
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((row) => columns.map((c) => row[c] as unknown));
    yield stringify(batch);
  }
}

/** JSON Lines of `rows` with keys in `columns` order, in chunks. */
export function* jsonlChunks<T extends object>(
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
): Generator<string> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const lines = rows
      .slice(i, i + BATCH)
      .map((row) => JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c]]))));
    yield `${lines.join('\n')}\n`;
  }
}
