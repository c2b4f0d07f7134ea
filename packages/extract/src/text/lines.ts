/** Splitting a text input into numbered lines and pages (form feeds), decoding UTF-8 strictly. */
import { DocumentError, type TextLine } from '../model.ts';

/** Decode text bytes as UTF-8 (BOM stripped); a file that is not valid UTF-8 is rejected with its name. */
export function decodeText(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new DocumentError(file, 'text is not valid UTF-8', { cause: error });
  }
}

/** Number the lines of a text (1-based), with the page given by form feeds. */
export function toLines(content: string): TextLine[] {
  const out: TextLine[] = [];
  let page = 1;
  content.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const pages = raw.split('\f');
    page += pages.length - 1;
    out.push({ lineNo: index + 1, page, text: pages.join('') });
  });
  return out;
}
