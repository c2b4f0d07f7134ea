/**
 * Decoding HTML bytes to text. Many government sites serve GBK/GB2312 pages, often declared only in a
 * <meta> tag, sometimes not at all; a wrong guess turns every Chinese character into mojibake.
 */
import iconv from 'iconv-lite';

const CHARSET_IN_HEADER = /charset\s*=\s*["']?([\w-]+)/i;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i;

/** Normalise a declared charset name; GBK and GB2312 are decoded as their superset GB18030. */
export function normaliseCharset(name: string): string {
  const lower = name.trim().toLowerCase();
  if (['gbk', 'gb2312', 'gb_2312-80', 'x-gbk', 'gb18030', 'cp936', 'euc-cn'].includes(lower)) return 'gb18030';
  if (lower === 'utf8') return 'utf-8';
  return lower;
}

/** The charset declared by a BOM, a Content-Type header, or a <meta> tag in the first 4 KiB; undefined if none. */
export function declaredCharset(bytes: Uint8Array, contentType?: string): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const fromHeader = contentType ? CHARSET_IN_HEADER.exec(contentType)?.[1] : undefined;
  if (fromHeader) return normaliseCharset(fromHeader);
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const fromMeta = META_CHARSET.exec(head)?.[1];
  return fromMeta ? normaliseCharset(fromMeta) : undefined;
}

/** Decode HTML bytes: declared charset first; undeclared pages that are not valid UTF-8 are read as GB18030. */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  const charset = declaredCharset(bytes, contentType);
  const buffer = Buffer.from(bytes);
  if (charset && charset !== 'utf-8' && iconv.encodingExists(charset)) return iconv.decode(buffer, charset);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(buffer, 'gb18030');
  }
}
