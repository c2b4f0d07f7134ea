export * from './common/amount.ts';
export * from './common/decimal.ts';
export { type ExtractOptions, extractFile, extractHtml, extractImage, extractPdf } from './extract-file.ts';
export { declaredCharset, decodeHtml } from './html/decode.ts';
export * from './model.ts';
export type { OcrOptions, OcrProgress } from './ocr/engine-choice.ts';
export { mediaTypeOf, readSource } from './source.ts';
export { detectFlavour, extractText } from './text/index.ts';
export { decodeText, toLines } from './text/lines.ts';
