/**
 * Options of each command, parsed and checked before any pipeline module is loaded, so that bad usage and
 * --help answer at once.
 */
import os from 'node:os';
import path from 'node:path';
import { parseCommandArgs, UsageError } from './usage.ts';

/** `ledgerlift run` options. */
export interface RunOptions {
  inputs: string[];
  out: string;
  db: string;
  jobs: number;
}

/** `ledgerlift extract` options. */
export interface ExtractOptions {
  file: string;
  out?: string;
}

/** `ledgerlift validate` options. */
export interface ValidateOptions {
  dir: string;
}

/** Parsed options, or 'help' when --help was asked for. */
export type Parsed<T> = T | 'help';

function jobsOption(text: string | undefined): number {
  if (text === undefined) return os.availableParallelism();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs must be a positive integer, got "${text}"`, 'run');
  return n;
}

/** Options of `run <files or folders...> [--out dir] [--db path] [--jobs N]`. */
export function parseRun(args: string[]): Parsed<RunOptions> {
  const { values, positionals } = parseCommandArgs('run', args, {
    out: { type: 'string', default: 'out' },
    db: { type: 'string' },
    jobs: { type: 'string' },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('missing input files or folders', 'run');
  const out = values.out ?? 'out';
  return {
    inputs: positionals,
    out,
    db: values.db ?? path.join(out, 'ledgerlift.duckdb'),
    jobs: jobsOption(values.jobs),
  };
}

/** Options of `extract <file> [--out file]`. */
export function parseExtract(args: string[]): Parsed<ExtractOptions> {
  const { values, positionals } = parseCommandArgs('extract', args, { out: { type: 'string' } });
  if (values.help) return 'help';
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('missing the file to extract', 'extract');
  if (extra.length > 0) throw new UsageError(`extract takes one file, got ${positionals.length}`, 'extract');
  return values.out ? { file, out: values.out } : { file };
}

/** Options of `validate <dir>`. */
export function parseValidate(args: string[]): Parsed<ValidateOptions> {
  const { values, positionals } = parseCommandArgs('validate', args, {});
  if (values.help) return 'help';
  const [dir, ...extra] = positionals;
  if (!dir) throw new UsageError('missing the output folder to validate', 'validate');
  if (extra.length > 0) throw new UsageError(`validate takes one folder, got ${positionals.length}`, 'validate');
  return { dir };
}
