/**
 * `?parents=https://crm.example.com,https://app.pipedrive.com`: the pages allowed to embed
 * the frame. An entry that is not a plain http(s) origin (a path, "*", "null") is dropped,
 * so a typo narrows the list instead of opening it.
 */
export function parseOrigins(text: string | null): string[] {
  if (!text) return [];

  const origins: string[] = [];
  for (const entry of text.split(/[\s,]+/)) {
    if (!entry) continue;
    try {
      const url = new URL(entry);
      const plain = url.origin === entry.replace(/\/$/, '');
      if (plain && (url.protocol === 'https:' || url.protocol === 'http:'))
        origins.push(url.origin);
    } catch {
      continue;
    }
  }
  return origins;
}

interface FramedLocation {
  ancestorOrigins?: { readonly length: number; readonly [index: number]: string };
}

/**
 * The embedding page's origin as the browser reports it: Chromium and Safari give
 * `location.ancestorOrigins`; elsewhere the referrer's origin, unless the CRM sends none.
 */
export function embeddingOrigin(location: FramedLocation, referrer: string): string | null {
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  if (!referrer) return null;

  try {
    return new URL(referrer).origin;
  } catch {
    return null;
  }
}
