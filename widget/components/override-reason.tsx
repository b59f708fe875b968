import { useMessages } from './locale.ts';

/** The server takes an override reason of at least this many characters (shared/api.ts). */
export const minReasonLength = 3;

export function isReason(text: string): boolean {
  return text.trim().length >= minReasonLength;
}

export interface OverrideReasonProps {
  value: string;
  onInput: (value: string) => void;
  disabled?: boolean;
}

/** Why the rep converts despite the warnings; required, and kept in the audit trail. */
export function OverrideReason({ value, onInput, disabled }: OverrideReasonProps) {
  const t = useMessages();

  return (
    <div class="override">
      <label for="override-reason">{t.preflight.reason}</label>
      <textarea
        id="override-reason"
        rows={2}
        required
        minLength={minReasonLength}
        maxLength={500}
        value={value}
        disabled={disabled}
        aria-describedby="override-hint"
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <p id="override-hint" class="muted">
        {t.preflight.reasonHint}
      </p>
    </div>
  );
}
