import type { Conversion, Preflight } from '../shared/api.ts';
import { ApiError } from './api-error.ts';

/** A stopped conversion's own error, as the client reports every failure. */
export function conversionError(conversion: Conversion): ApiError {
  const error = conversion.error;

  return new ApiError({
    code: (error?.code ?? 'internal_error') as ApiError['code'],
    message: error?.message ?? 'The conversion stopped without saying why.',
    retryable: error?.retryable ?? true,
  });
}

function detail(details: unknown, key: 'conversion' | 'preflight'): unknown {
  if (typeof details !== 'object' || details === null) return null;
  return (details as Record<string, unknown>)[key] ?? null;
}

/** A refused convert request carries the conversion record in `details`, order number and all. */
export function conversionInDetails(details: unknown): Conversion | null {
  const conversion = detail(details, 'conversion') as Conversion | null;
  return typeof conversion?.status === 'string' ? conversion : null;
}

/** A refusal by the pre-flight check (409 override_required, 422) carries the check. */
export function preflightInDetails(details: unknown): Preflight | null {
  const preflight = detail(details, 'preflight') as Preflight | null;
  return Array.isArray(preflight?.warnings) && Array.isArray(preflight?.blocking)
    ? preflight
    : null;
}
