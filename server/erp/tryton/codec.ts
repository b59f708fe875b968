/**
 * Tryton's JSON-RPC value encoding.
 *
 * Tryton tags typed values as objects: a Decimal is `{"__class__":"Decimal","decimal":"249.00"}`,
 * a date `{"__class__":"date","year":2026,"month":9,"day":25}`, both ways. We never let a
 * Decimal pass through a JS float: it stays a decimal string from wire to contract. Quantities
 * are plain JSON floats in Tryton (Float fields), so they are formatted, not parsed.
 */

export interface WireDecimal {
  __class__: 'Decimal';
  decimal: string;
}

export interface WireDate {
  __class__: 'date';
  year: number;
  month: number;
  day: number;
}

/** A decimal string as Tryton expects a Numeric value. */
export function decimal(value: string): WireDecimal {
  if (!/^-?\d+(\.\d+)?$/.test(value)) {
    throw new TypeError(`Not a decimal string: ${JSON.stringify(value)}`);
  }
  return { __class__: 'Decimal', decimal: value };
}

/** A `YYYY-MM-DD` calendar date as Tryton expects a Date value. */
export function date(value: string): WireDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new TypeError(`Not a YYYY-MM-DD date: ${JSON.stringify(value)}`);
  return {
    __class__: 'date',
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Replaces Tryton's tagged values in a decoded JSON result: Decimal → decimal string (exponent
 * notation such as Python's `0E-8` expanded), date → `YYYY-MM-DD`, datetime → ISO string without
 * zone (Tryton keeps naive UTC), timedelta → seconds as a number, bytes → base64 string.
 */
export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value === null || typeof value !== 'object') return value;

  const tagged = value as Record<string, unknown>;
  switch (tagged.__class__) {
    case 'Decimal':
      return plainDecimal(String(tagged.decimal));
    case 'date':
      return `${pad(Number(tagged.year), 4)}-${pad(Number(tagged.month))}-${pad(Number(tagged.day))}`;
    case 'datetime':
      return (
        `${pad(Number(tagged.year), 4)}-${pad(Number(tagged.month))}-${pad(Number(tagged.day))}` +
        `T${pad(Number(tagged.hour))}:${pad(Number(tagged.minute))}:${pad(Number(tagged.second))}`
      );
    case 'timedelta':
      return Number(tagged.seconds);
    case 'bytes':
      return String(tagged.base64).replace(/\s/g, '');
  }

  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(tagged)) out[key] = decodeValue(item);
  return out;
}

/** Python's str(Decimal) may answer `1E+2` or `0E-8`; the contract wants plain notation. */
export function plainDecimal(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text.trim());
  if (!match) return text.trim();

  const [, sign = '', int = '', frac = '', exp = '0'] = match;
  const digits = (int + frac).replace(/^0+(?=\d)/, '');
  const point = int.length + Number(exp);
  let result: string;
  if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;

  result = result.replace(/^0+(?=\d)/, '');
  const isZero = /^[0.]*$/.test(result);
  return isZero ? '0' : sign + result;
}

/**
 * A Tryton Float (quantities) as a decimal string. Tryton rounds quantities to the unit's
 * digits, so six places lose nothing; trailing zeros go.
 */
export function formatQuantity(value: unknown): string {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : 0;
  const text = n.toFixed(6).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}
