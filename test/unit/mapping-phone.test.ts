import { describe, expect, it } from 'vitest';
import { toE164 } from '../../server/mapping/phone.ts';

describe('phone numbers', () => {
  it.each([
    '030 12345678',
    '+49 30 12345678',
    '0049 (0)30 1234-5678',
    '+49 (0)30/123 456 78',
    '(030) 123 456 78',
  ])('writes "%s" in Berlin as +493012345678', (written) => {
    expect(toE164(written, 'DE')).toBe('+493012345678');
  });

  it('uses the default region only for numbers without a country code', () => {
    expect(toE164('+44 20 7946 0018', 'DE')).toBe('+442079460018');
    expect(toE164('020 7946 0018', 'GB')).toBe('+442079460018');
  });

  it('gives null for what is not a phone number', () => {
    expect(toE164('call reception', 'DE')).toBeNull();
    expect(toE164('12', 'DE')).toBeNull();
    expect(toE164('', 'DE')).toBeNull();
  });
});
