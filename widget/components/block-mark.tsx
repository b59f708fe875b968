/**
 * The "no entry" sign as an inline drawing: Debian's Chromium has no font with U+26D4 and
 * drew an empty box. Decorative; the words beside it carry the meaning.
 */
export function BlockMark() {
  return (
    <svg class="block-mark" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <circle cx="8" cy="8" r="7.5" fill="currentColor" />
      <rect x="3.5" y="6.75" width="9" height="2.5" rx="0.5" fill="#fff" />
    </svg>
  );
}
