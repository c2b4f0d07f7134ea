/** Reading the shipped code list from packages/normalize/data (read once, then cached). */
import { readFileSync } from 'node:fs';
import { type CodeList, parseCodeCsv } from './code-list.ts';

export const CODE_LIST_FILE = new URL('../../data/codes-v1.csv', import.meta.url);
export const CODE_LIST_VERSION = 'v1';

let cached: CodeList | undefined;

/** The default code list (支出功能分类 + 部门预算支出经济分类), version v1. */
export function defaultCodeList(): CodeList {
  cached ??= parseCodeCsv(readFileSync(CODE_LIST_FILE, 'utf8'), CODE_LIST_VERSION);
  return cached;
}
