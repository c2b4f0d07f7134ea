/** Errors as one line naming the file and the reason. */
import { DocumentError } from '@ledgerlift/extract';

/** `<file>: <reason>` on one line, whatever was thrown. */
export function errorLine(file: string, error: unknown): string {
  if (error instanceof DocumentError) return oneLine(error.message);
  const message = error instanceof Error ? error.message : String(error);
  const line = oneLine(message);
  return line.startsWith(`${file}:`) ? line : `${file}: ${line}`;
}

function oneLine(text: string): string {
  return text.split('\n')[0]?.trim() || 'unknown error';
}
