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
  ocr: OcrChoice;
}

/** OCR settings given on the command line. */
export interface OcrChoice {
  engine?: 'tesseract.js' | 'cli';
  tessdata?: string;
}

/** `ledgerlift extract` options. */
export interface ExtractOptions {
  file: string;
  out?: string;
  ocr: OcrChoice;
}

/** `ledgerlift validate` options. */
export interface ValidateOptions {
  dir: string;
}

/** `ledgerlift crawl` options. */
export interface CrawlCommandOptions {
  listingUrls: string[];
  out: string;
  keywords?: string[];
  years: string[];
  fileTypes?: string[];
  allowedHosts: string[];
  maxListingPages?: number;
  maxBytes?: number;
  timeoutMs?: number;
  perHostConcurrency?: number;
  perHostIntervalMs?: number;
  respectRobots: boolean;
}

/** Parsed options, or 'help' when --help was asked for. */
export type Parsed<T> = T | 'help';

const OCR_ARGS = { 'ocr-engine': { type: 'string' }, tessdata: { type: 'string' } } as const;

function ocrChoice(command: string, values: { 'ocr-engine'?: string; tessdata?: string }): OcrChoice {
  const engine = values['ocr-engine'];
  if (engine !== undefined && engine !== 'tesseract.js' && engine !== 'cli') {
    throw new UsageError(`--ocr-engine must be "tesseract.js" or "cli", got "${engine}"`, command);
  }
  return { ...(engine ? { engine } : {}), ...(values.tessdata ? { tessdata: values.tessdata } : {}) };
}

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
    ...OCR_ARGS,
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('missing input files or folders', 'run');
  const out = values.out ?? 'out';
  return {
    inputs: positionals,
    out,
    db: values.db ?? path.join(out, 'ledgerlift.duckdb'),
    jobs: jobsOption(values.jobs),
    ocr: ocrChoice('run', values),
  };
}

/** Options of `extract <file> [--out file]`. */
export function parseExtract(args: string[]): Parsed<ExtractOptions> {
  const { values, positionals } = parseCommandArgs('extract', args, { out: { type: 'string' }, ...OCR_ARGS });
  if (values.help) return 'help';
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('missing the file to extract', 'extract');
  if (extra.length > 0) throw new UsageError(`extract takes one file, got ${positionals.length}`, 'extract');
  const ocr = ocrChoice('extract', values);
  return values.out ? { file, out: values.out, ocr } : { file, ocr };
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

function positiveInt(command: string, name: string, text: string | undefined, allowZero = false): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) {
    throw new UsageError(
      `--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${text}"`,
      command,
    );
  }
  return n;
}

/** Options of `crawl <listing-url...> --out dir [--keyword K]... [--year Y]... [--type T]... …`. */
export function parseCrawl(args: string[]): Parsed<CrawlCommandOptions> {
  const { values, positionals } = parseCommandArgs('crawl', args, {
    out: { type: 'string' },
    keyword: { type: 'string', multiple: true },
    year: { type: 'string', multiple: true },
    type: { type: 'string', multiple: true },
    'allow-host': { type: 'string', multiple: true },
    'max-pages': { type: 'string' },
    'max-bytes': { type: 'string' },
    'timeout-ms': { type: 'string' },
    concurrency: { type: 'string' },
    'interval-ms': { type: 'string' },
    'ignore-robots': { type: 'boolean' },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('missing the listing page URL', 'crawl');
  for (const url of positionals) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw new UsageError(`not an http(s) URL: "${url}"`, 'crawl');
    }
  }
  if (!values.out) throw new UsageError('missing --out <store folder>', 'crawl');
  return {
    listingUrls: positionals,
    out: values.out,
    ...(values.keyword ? { keywords: values.keyword } : {}),
    years: values.year ?? [],
    ...(values.type ? { fileTypes: values.type.map((t) => t.replace(/^\./, '').toLowerCase()) } : {}),
    allowedHosts: values['allow-host'] ?? [],
    maxListingPages: positiveInt('crawl', 'max-pages', values['max-pages']),
    maxBytes: positiveInt('crawl', 'max-bytes', values['max-bytes']),
    timeoutMs: positiveInt('crawl', 'timeout-ms', values['timeout-ms']),
    perHostConcurrency: positiveInt('crawl', 'concurrency', values.concurrency),
    perHostIntervalMs: positiveInt('crawl', 'interval-ms', values['interval-ms'], true),
    respectRobots: !values['ignore-robots'],
  };
}
