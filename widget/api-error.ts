import type { ErrorCode } from '../shared/errors.ts';

/** The server's codes, plus two the client meets on its own. */
export type ApiErrorCode = ErrorCode | 'network_error' | 'bad_response';

export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  retryable: boolean;
  status?: number;
  details?: unknown;
  cause?: unknown;
}

/** Every failure the widget's client reports: the API envelope, or what stood in its way. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly details: unknown;

  constructor(init: ApiErrorInit) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.retryable = init.retryable;
    this.status = init.status;
    this.details = init.details;
  }
}

interface EnvelopeLike {
  error?: { code?: unknown; message?: unknown; retryable?: unknown; details?: unknown };
}

/** Reads the error envelope from a failed response; a body that is not one still says something. */
export async function errorFromResponse(response: Response, what: string): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as EnvelopeLike | null;
  const error = body?.error;

  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError({
      code: error.code as ApiErrorCode,
      message: error.message,
      retryable: error.retryable === true,
      status: response.status,
      details: error.details,
    });
  }

  return new ApiError({
    code: 'bad_response',
    message: `${what} answered ${response.status} without an error envelope`,
    retryable: response.status >= 500 || response.status === 429,
    status: response.status,
  });
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
