import { z } from 'zod';

/** A plain http(s) origin such as https://crm.example.com: no path, no "*", no "null". */
export const Origin = z.string().refine((text) => {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}, 'a plain origin such as https://crm.example.com (scheme and host, no path or trailing slash)');

/** The page's origin is our own, or one the config allows. */
export function isAllowedOrigin(origin: string, own: string, allowed: readonly string[]): boolean {
  return origin === own || allowed.includes(origin);
}
