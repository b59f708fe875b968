import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Phone numbers in E.164 ("+4930123456"), so "030 123456", "+49 (0)30 123456" and
 * "0049 30 123456" compare equal. Full metadata (libphonenumber-js/max): the smaller set
 * only checks lengths and would call invalid numbers valid.
 */
export function toE164(raw: string | null | undefined, defaultRegion: string): string | null {
  if (!raw?.trim()) return null;
  const parsed = parsePhoneNumberFromString(raw, defaultRegion as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}
