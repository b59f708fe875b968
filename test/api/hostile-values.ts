/**
 * Malformed input, generated from a valid example: every field dropped, retyped and
 * replaced by hostile values; extra and prototype-polluting keys; whole bodies that are
 * not JSON, too deep, or too wide. Hand-written rather than fast-check: the cases are a
 * fixed catalogue, and a fixed list makes a failure name the exact input that broke.
 */

export interface Case {
  name: string;
  /** Raw request body text, ready to send. */
  text: string;
}

const long = 'x'.repeat(100_000);

/** Values that are wrong in type, size or encoding wherever they land. */
export const hostileValues: Array<[string, unknown]> = [
  ['null', null],
  ['true', true],
  ['zero', 0],
  ['a negative number', -1],
  ['a huge number', 1e308],
  ['an unsafe integer', 9007199254740993],
  ['a fraction', 0.1],
  ['an empty string', ''],
  ['blanks', '   '],
  ['a very long string', long],
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate', 'P-\udfff'],
  ['an RTL override', '\u202eP-1001'],
  ['zero-width joiners', 'P\u200d-\u200b1001'],
  ['a NUL byte', 'P-1001\u0000'],
  ['markup', '<script>alert(1)</script>'],
  ['SQL', "P-1001' OR '1'='1"],
  ['a path', '../../etc/passwd'],
  ['a number as text with exponent', '1e309'],
  ['a negative quantity', '-5'],
  ['NaN as text', 'NaN'],
  ['an empty array', []],
  ['a huge array', Array.from({ length: 20_000 }, (_, i) => i)],
  ['an empty object', {}],
  ['a nested object', { a: { b: { c: { d: 'e' } } } }],
];

/** Whole bodies, as raw text where JSON.stringify could not express them. */
export const hostileBodies: Case[] = [
  { name: 'an empty body', text: '' },
  { name: 'malformed JSON', text: '{"customerId":' },
  { name: 'a JSON string', text: '"hello"' },
  { name: 'a JSON number', text: '42' },
  { name: 'a bare 1e400', text: '1e400' },
  { name: 'JSON null', text: 'null' },
  { name: 'a JSON array', text: '[1,2,3]' },
  { name: 'a byte-order mark first', text: '\ufeff{}' },
  { name: 'deep nesting', text: `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
  { name: 'deep objects', text: `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}` },
  {
    name: 'a __proto__ key',
    text: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  },
  { name: 'duplicate keys', text: '{"a":1,"a":2}' },
  { name: 'a lone surrogate escape', text: '{"x":"\\ud800"}' },
  { name: 'a huge array', text: `[${Array.from({ length: 60_000 }, () => '0').join(',')}]` },
];

type Json = Record<string, unknown>;

function setAt(target: Json, path: string[], value: unknown, remove = false): Json {
  const copy = structuredClone(target) as Json;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** Every leaf path of a valid example, arrays entered through their first element. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (Array.isArray(value))
    return value.length > 0 ? [prefix, ...leafPaths(value[0], [...prefix, '0'])] : [prefix];
  if (value && typeof value === 'object') {
    const inner = Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
    return prefix.length > 0 ? [prefix, ...inner] : inner;
  }
  return [prefix];
}

/** Mutations of a valid body: each field missing or replaced, extra keys, polluting keys. */
export function mutations(valid: Json): Case[] {
  const cases: Case[] = [];
  for (const path of leafPaths(valid)) {
    const where = path.join('.');
    cases.push({
      name: `${where} missing`,
      text: JSON.stringify(setAt(valid, path, undefined, true)),
    });
    for (const [name, value] of hostileValues) {
      cases.push({ name: `${where} as ${name}`, text: JSON.stringify(setAt(valid, path, value)) });
    }
  }
  const text = JSON.stringify(valid);
  cases.push({
    name: 'an extra field',
    text: JSON.stringify({ ...valid, isAdmin: true, erpOrderNumber: 'SO-1' }),
  });
  cases.push({ name: 'a __proto__ field', text: `{"__proto__":{"isAdmin":true},${text.slice(1)}` });
  cases.push({
    name: 'a constructor field',
    text: `{"constructor":{"prototype":{"isAdmin":true}},${text.slice(1)}`,
  });
  return [...cases, ...hostileBodies];
}

/** Path and query values, percent-encoded by hand so lone surrogates survive as raw bytes. */
export const hostileSegments: Array<[string, string]> = [
  ['an empty id', ''],
  ['blanks', '%20%20'],
  ['a very long id', 'x'.repeat(5_000)],
  ['a lone surrogate as UTF-8 bytes', '%ED%A0%80'],
  ['a broken percent escape', '%E0%A4%A'],
  ['a NUL byte', 'P%00'],
  ['an RTL override', '%E2%80%AEC-1001'],
  ['markup', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ['a dot-dot path', '..%2F..%2Fetc%2Fpasswd'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['a huge number', '1e308'],
  ['an unsafe integer', '9007199254740993'],
];
