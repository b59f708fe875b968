import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config.ts';
import { renderConfigSchema, schemaPath } from '../../scripts/config-schema.ts';

const configDir = fileURLToPath(new URL('../../config/', import.meta.url));
const examples = readdirSync(configDir).filter((f) => f.endsWith('.example.json'));

function problemsOf(raw: unknown): string[] {
  try {
    parseConfig(raw, 'test.json');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the configuration file', () => {
  it('ships a sandbox and a Tryton example', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['sandbox.example.json', 'tryton.example.json']),
    );
  });

  it.each(examples)('accepts the shipped example %s', (file) => {
    const raw = JSON.parse(readFileSync(`${configDir}${file}`, 'utf8'));
    expect(problemsOf(raw)).toEqual([]);
  });

  it('fills the customer mapping with defaults', () => {
    const { mapping, lookup } = parseConfig({});
    expect(mapping.customers.matching).toEqual({
      defaultPhoneRegion: 'DE',
      nameSimilarity: 0.85,
      candidateLimit: 25,
    });
    expect(mapping.customers.fields.taxId).toBe('taxId');
    expect(mapping.productIds).toEqual({});
    expect(lookup.priceDriftPercent).toBe('1');
    expect(lookup.warehouses).toBeUndefined();
  });

  it('lists every problem in the mapping sections with its path', () => {
    const problems = problemsOf({
      lookup: { priceDriftPercent: 'one', warehouses: [] },
      mapping: {
        productIds: { 'SKU-1': '' },
        paymentTerms: { NET30: 30 },
        customers: {
          fields: { taxId: 'vat number' },
          limits: { name: 0 },
          matching: { defaultPhoneRegion: 'Germany', nameSimilarity: 0.2 },
          groupz: {},
        },
      },
    }).join('\n');

    for (const path of [
      'lookup.priceDriftPercent',
      'lookup.warehouses',
      'mapping.productIds.SKU-1',
      'mapping.paymentTerms.NET30',
      'mapping.customers.fields.taxId',
      'mapping.customers.limits.name',
      'mapping.customers.matching.defaultPhoneRegion',
      'mapping.customers.matching.nameSimilarity',
      'mapping.customers: unknown key(s) "groupz"',
    ]) {
      expect(problems).toContain(path);
    }
    expect(problems).toContain('e.g. "DE"');
  });

  it('has its JSON Schema checked in up to date (npm run config:schema)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(renderConfigSchema());
  });

  it('lets the examples point editors at the schema', () => {
    const schema = JSON.parse(renderConfigSchema());
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['$schema', 'erp', 'lookup', 'mapping']),
    );
    expect(schema.required ?? []).toEqual([]);
  });
});
