/**
 * OCR engines behind one interface: tesseract.js (default, pure npm, always available) and the native
 * `tesseract` CLI (about 2× faster per page here, used when installed and asked for). Both read language data
 * from a checked local folder only, so no step ever reaches for the network.
 */
import { availableParallelism } from 'node:os';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { Box } from '../model.ts';
import { type GreyImage, toPgm } from './raster.ts';
import { runTool, type ToolError } from './run-tool.ts';
import { OCR_LANGUAGES, resolveTessdata } from './tessdata.ts';

/** One recognised word (CJK words are 1–2 characters), with its box in image pixels. */
export interface OcrWord {
  text: string;
  box: Box;
  /** 0–1. */
  confidence: number;
  /** Words sharing a line id were read as one text line. */
  line: number;
  /** One box per character when the engine reports them (tesseract.js); CJK word boxes can overlap their neighbours. */
  chars?: Box[];
}

export interface RecognizeOptions {
  /** Tesseract page segmentation mode: 3 auto (pages), 6 block, 7 single line (cells), 11 sparse. */
  psm?: 3 | 6 | 7 | 8 | 11 | 13;
  /** Only these characters may be read (e.g. digits for amount cells). */
  whitelist?: string;
  dpi?: number;
  /** Languages for this job when not all of OCR_LANGUAGES (e.g. chi_sim alone for Chinese labels). */
  langs?: readonly string[];
}

export interface OcrEngine {
  readonly name: 'tesseract.js' | 'tesseract-cli';
  recognize(image: GreyImage, options?: RecognizeOptions): Promise<OcrWord[]>;
  close(): Promise<void>;
}

export interface EngineOptions {
  tessdata?: string;
  /** Parallel recognizers; defaults to the number of cores. */
  workers?: number;
}

const LANGS = OCR_LANGUAGES.join('+');

interface TsBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TsWord {
  text: string;
  confidence: number;
  bbox: TsBox;
  symbols?: { text: string; bbox: TsBox }[] | null;
}
interface TsBlocks {
  blocks?: { paragraphs: { lines: { words: TsWord[] }[] }[] }[] | null;
}

interface Slot {
  worker: Worker;
  params: string;
}

/** Workers for one language set: each job on a free worker. */
interface Pool {
  acquire(): Promise<Slot>;
  release(slot: Slot): void;
  all: Slot[];
}

/** The tesseract.js engine: a worker per core (one per extra language set), data from a local folder only. */
export async function createTesseractJsEngine(options: EngineOptions = {}): Promise<OcrEngine> {
  const langPath = resolveTessdata(options.tessdata);
  const count = Math.max(1, options.workers ?? availableParallelism());
  let workerError: unknown;
  const startPool = async (langs: readonly string[], size: number): Promise<Pool> => {
    const idle: Slot[] = [];
    for (let i = 0; i < size; i += 1) {
      const worker = await createWorker([...langs], OEM.LSTM_ONLY, {
        langPath,
        gzip: false,
        cacheMethod: 'none',
        errorHandler: (error: unknown) => {
          workerError = error;
        },
      });
      idle.push({ worker, params: '' });
    }
    const waiting: ((slot: Slot) => void)[] = [];
    return {
      all: [...idle],
      acquire: () =>
        new Promise<Slot>((resolve) => {
          const slot = idle.pop();
          if (slot) resolve(slot);
          else waiting.push(resolve);
        }),
      release(slot) {
        const next = waiting.shift();
        if (next) next(slot);
        else idle.push(slot);
      },
    };
  };
  // The full language set starts now, one worker per core (so a broken setup fails early). Other sets serve the
  // re-read passes, which run one stacked image at a time: one worker each, started when first asked for.
  const pools = new Map<string, Promise<Pool>>([[LANGS, startPool(OCR_LANGUAGES, count)]]);
  await pools.get(LANGS);
  return {
    name: 'tesseract.js',
    async recognize(image, opts = {}) {
      const params = {
        tessedit_pageseg_mode: String(opts.psm ?? 3),
        tessedit_char_whitelist: opts.whitelist ?? '',
        preserve_interword_spaces: '1',
        user_defined_dpi: String(opts.dpi ?? 300),
        // Tesseract 5 reads each line it is unsure of again as white-on-black; tables print dark on light.
        tessedit_do_invert: '0',
      };
      const key = JSON.stringify(params);
      const langs = opts.langs?.join('+') ?? LANGS;
      if (!pools.has(langs)) pools.set(langs, startPool(opts.langs ?? OCR_LANGUAGES, 1));
      const pool = await pools.get(langs)!;
      const slot = await pool.acquire();
      try {
        // Parameters stick to a worker; set them only when this job needs different ones.
        if (slot.params !== key) {
          await slot.worker.setParameters(params as never);
          slot.params = key;
        }
        const result = await slot.worker.recognize(toPgm(image) as never, {}, { blocks: true, text: false });
        if (workerError) throw workerError;
        return wordsFromBlocks(result.data as unknown as TsBlocks);
      } finally {
        pool.release(slot);
      }
    },
    async close() {
      const started = await Promise.all(pools.values());
      await Promise.all(started.flatMap((p) => p.all.map((s) => s.worker.terminate())));
    },
  };
}

const boxOf = (b: TsBox): Box => ({ x0: b.x0, top: b.y0, x1: b.x1, bottom: b.y1 });

function wordsFromBlocks(data: TsBlocks): OcrWord[] {
  const words: OcrWord[] = [];
  let line = 0;
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const l of paragraph.lines) {
        line += 1;
        for (const w of l.words) {
          const text = w.text.trim();
          if (!text) continue;
          const symbols = (w.symbols ?? []).filter((s) => s.text.trim() !== '');
          const word: OcrWord = { text, box: boxOf(w.bbox), confidence: w.confidence / 100, line };
          if (symbols.map((s) => s.text.trim()).join('') === text) word.chars = symbols.map((s) => boxOf(s.bbox));
          words.push(word);
        }
      }
    }
  }
  return words;
}

/** Parse tesseract's TSV output (level 5 rows are words). */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  const lineIds = new Map<string, number>();
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = (f[11] ?? '').trim();
    if (!text) continue;
    const key = `${f[2]}.${f[3]}.${f[4]}`;
    if (!lineIds.has(key)) lineIds.set(key, lineIds.size + 1);
    const [left, top, width, height, conf] = [f[6], f[7], f[8], f[9], f[10]].map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    words.push({
      text,
      box: { x0: left, top, x1: left + width, bottom: top + height },
      confidence: Math.max(0, conf) / 100,
      line: lineIds.get(key)!,
    });
  }
  return words;
}

/** The native CLI engine (Debian's tesseract): one process per image, OpenMP threads off (4× faster here). */
export function createTesseractCliEngine(options: EngineOptions = {}): OcrEngine {
  const tessdata = resolveTessdata(options.tessdata);
  return {
    name: 'tesseract-cli',
    recognize(image, opts = {}) {
      const args = [
        'stdin',
        'stdout',
        '-l',
        opts.langs?.join('+') ?? LANGS,
        '--psm',
        String(opts.psm ?? 3),
        '--dpi',
        String(opts.dpi ?? 300),
      ];
      args.push('--tessdata-dir', tessdata, '-c', 'preserve_interword_spaces=1', '-c', 'tessedit_do_invert=0');
      if (opts.whitelist) args.push('-c', `tessedit_char_whitelist=${opts.whitelist}`);
      args.push('tsv');
      const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
      return runTool('tesseract', args, { input: toPgm(image), env }).then(
        (out) => parseTsv(out.toString('utf8')),
        (error: ToolError) => {
          throw new Error(
            error.code === undefined
              ? `tesseract CLI could not start: ${error.detail}`
              : `tesseract CLI failed (${error.code}): ${error.detail}`,
          );
        },
      );
    },
    async close() {},
  };
}
