/**
 * Finding OCR language data on this machine. tesseract.js falls back to a CDN when it has no local path,
 * and that fetch crashes the process from a worker thread; so we never start a worker without a checked folder.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const OCR_LANGUAGES = ['chi_sim', 'eng'] as const;

const DEFAULT_DIRS = [
  '/usr/share/tesseract-ocr/5/tessdata',
  '/usr/share/tesseract-ocr/4.00/tessdata',
  '/usr/share/tessdata',
  '/usr/local/share/tessdata',
];

/** OCR cannot run here: no language data. The message is one line and says what to do. */
export class OcrSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcrSetupError';
  }
}

/** Folders searched for traineddata, in order: explicit option, LEDGERLIFT_TESSDATA, TESSDATA_PREFIX, system folders. */
export function tessdataCandidates(explicit?: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (explicit) return [explicit];
  const fromEnv = [env.LEDGERLIFT_TESSDATA, env.TESSDATA_PREFIX].filter((d): d is string => Boolean(d));
  return [...fromEnv, ...DEFAULT_DIRS];
}

/** The first folder holding every needed language's uncompressed traineddata; throws OcrSetupError if none does. */
export function resolveTessdata(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const candidates = tessdataCandidates(explicit, env);
  const found = candidates.find((dir) =>
    OCR_LANGUAGES.every((lang) => existsSync(path.join(dir, `${lang}.traineddata`))),
  );
  if (found) return found;
  throw new OcrSetupError(
    `OCR language data not found: need ${OCR_LANGUAGES.map((l) => `${l}.traineddata`).join(' and ')} in ${candidates.join(', ')}; ` +
      'install Debian packages tesseract-ocr-chi-sim and tesseract-ocr-eng (npm run setup does) or pass --tessdata <dir>',
  );
}
