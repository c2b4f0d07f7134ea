import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FACT_COLUMNS } from '@ledgerlift/normalize';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeRunOutputs } from '../src/index.ts';
import { readCsv, sampleRun } from './fixtures.ts';

const here = path.dirname(new URL(import.meta.url).pathname);

interface Field {
  name: string;
  type: string;
  columnType?: string;
  constraints?: { enum?: string[]; pattern?: string };
}
interface Resource {
  name: string;
  path: string;
  schema: {
    fields: Field[];
    primaryKey?: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  };
}

let descriptor: { resources: Resource[] };
let out: string;
let validate: Awaited<ReturnType<typeof profileValidator>>;

async function profileValidator() {
  // The official Data Package v2 profile (draft-07), vendored: no network at test time.
  const profile = JSON.parse(await readFile(path.join(here, '../schemas/datapackage-2.0.json'), 'utf8'));
  expect(profile.$schema).toBe('http://json-schema.org/draft-07/schema#');
  // strict: false because the profile carries editor annotations (propertyOrder, context, options).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('textarea', true);
  return ajv.compile(profile);
}

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'll-dp-'));
  await writeRunOutputs(out, sampleRun());
  descriptor = JSON.parse(await readFile(path.join(out, 'datapackage.json'), 'utf8'));
  validate = await profileValidator();
});

const resource = (name: string) => descriptor.resources.find((r) => r.name === name)!;

describe('datapackage.json', () => {
  it('is valid against the official Data Package v2 profile', () => {
    const ok = validate(descriptor);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the profile really rejects broken descriptors (the check is not vacuous)', () => {
    expect(validate({ name: 'x' })).toBe(false);
    const badPath = structuredClone(descriptor);
    (badPath.resources[0] as Resource).path = '../facts.csv';
    expect(validate(badPath)).toBe(false);
    const badField = structuredClone(descriptor);
    (badField.resources[0] as Resource).schema.fields[0] = { name: 'document', type: 'decimal' };
    expect(validate(badField)).toBe(false);
  });

  it('describes every CSV written, fields in the same order as the header', async () => {
    for (const r of descriptor.resources) {
      const header = (await readFile(path.join(out, r.path), 'utf8')).split('\n')[0];
      expect(header).toBe(r.schema.fields.map((f) => f.name).join(','));
    }
    expect(resource('facts').schema.fields.map((f) => f.name)).toEqual(FACT_COLUMNS);
  });

  it('has keys and Fiscal Data Package column types where they apply', () => {
    expect(resource('documents').schema.primaryKey).toEqual(['sha256']);
    expect(resource('facts').schema.foreignKeys).toEqual([
      { fields: ['document_sha256'], reference: { resource: 'documents', fields: ['sha256'] } },
    ]);
    const types = Object.fromEntries(resource('amounts').schema.fields.map((f) => [f.name, [f.type, f.columnType]]));
    expect(types).toMatchObject({
      value: ['number', 'value'],
      year: ['year', 'date:fiscal-year'],
      entity: ['string', 'administrative-classification:generic:label'],
      functional_code: ['string', 'functional-classification:generic:code'],
      economic_code: ['string', 'economic-classification:generic:code'],
      side: ['string', 'direction'],
    });
    // facts.value also holds printed text (performance targets), so it cannot claim the numeric `value` type.
    const factValue = resource('facts').schema.fields.find((f) => f.name === 'value');
    expect(factValue).toMatchObject({ type: 'string' });
    expect(factValue?.columnType).toBeUndefined();
  });

  it('every CSV value conforms to its field type and constraints (empty = missing)', async () => {
    // Lexical forms of Table Schema types as we write them: canonical decimals, 4-digit years.
    const lexical: Record<string, RegExp> = { year: /^\d{4}$/, integer: /^-?\d+$/, number: /^-?\d+(\.\d+)?$/ };
    const problems: string[] = [];
    for (const r of descriptor.resources) {
      for (const row of await readCsv(path.join(out, r.path))) {
        for (const f of r.schema.fields) {
          const v = row[f.name];
          if (v === null || v === undefined) continue;
          const pattern = f.constraints?.pattern;
          if (lexical[f.type] && !lexical[f.type]?.test(v)) problems.push(`${r.name}.${f.name}: ${v}`);
          if (f.constraints?.enum && !f.constraints.enum.includes(v)) problems.push(`${r.name}.${f.name}: ${v}`);
          if (pattern && !new RegExp(`^(?:${pattern})$`).test(v)) problems.push(`${r.name}.${f.name}: ${v}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
