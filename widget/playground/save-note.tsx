import type { ApiError } from '../api-error.ts';
import { describeError } from '../error-words.ts';
import type { SaveStatus } from './deal-saver.ts';

const words: Record<SaveStatus, string> = {
  saved: 'Saved',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  failed: 'Not saved',
};

export function SaveNote({ status, error }: { status: SaveStatus; error: ApiError | null }) {
  return (
    <p class={status === 'failed' ? 'save-note warning-text' : 'save-note muted'} role="status">
      {words[status]}
      {status === 'failed' && error && `: ${describeError(error)}`}
    </p>
  );
}
