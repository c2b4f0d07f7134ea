/** Writers for run outputs: the output folder (CSV, JSON, Data Package) and the embedded database. */
export { type FileContent, type OutputFile, writeFileAtomic, writeFilesAtomic } from './atomic-write.ts';
export { upsertDatabase } from './database.ts';
export { buildDataPackage } from './datapackage.ts';
export { documentKeys } from './document-keys.ts';
export { buildRunJson } from './run-json.ts';
export * from './run-model.ts';
export { buildTableEntries, type TableEntry } from './tables-json.ts';
export { buildValidationReport } from './validation-report.ts';
export { OUTPUT_FILES, runOutputFiles, writeRunOutputs } from './write-run-outputs.ts';
