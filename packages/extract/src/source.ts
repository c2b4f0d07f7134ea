/** Reading an input file into a SourceDocument: bytes, hash and media type. I/O lives here, not in parsers. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DocumentError, type MediaType, type SourceDocument } from './model.ts';

const BY_EXTENSION: Record<string, MediaType> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

/** The media types ledgerlift reads, by file extension. */
export function mediaTypeOf(file: string): MediaType | undefined {
  return BY_EXTENSION[path.extname(file).toLowerCase()];
}

/** Read a file and describe it; throws DocumentError naming the file when it cannot be read. */
export async function readSource(file: string): Promise<{ source: SourceDocument; bytes: Uint8Array }> {
  const mediaType = mediaTypeOf(file);
  if (!mediaType) throw new DocumentError(file, `unsupported file type "${path.extname(file) || '(none)'}"`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    throw new DocumentError(file, `cannot read file (${code})`, { cause: error });
  }
  if (bytes.byteLength === 0) throw new DocumentError(file, 'file is empty (0 bytes)');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    source: { path: file, name: path.basename(file), sha256, bytes: bytes.byteLength, mediaType, pages: 0 },
    bytes,
  };
}
