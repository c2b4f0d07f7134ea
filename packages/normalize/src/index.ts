export * from './model.ts';
export { normalizeDocument } from './normalize-document.ts';
export { validateDocuments } from './validate/index.ts';
