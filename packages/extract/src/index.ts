export * from './common/amount.ts';
export * from './common/decimal.ts';
export { extractFile, extractHtml, extractImage, extractPdf } from './extract-file.ts';
export { declaredCharset, decodeHtml } from './html/decode.ts';
export * from './model.ts';
export { mediaTypeOf, readSource } from './source.ts';
export { detectFlavour, extractText } from './text/index.ts';
export { decodeText, toLines } from './text/lines.ts';
