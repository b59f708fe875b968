import type { Context } from 'hono';
import type { z } from 'zod';
import { RequestError } from '../errors.ts';

/** Turns zod's issues into details a person (or an integrator's log) can act on. */
export function issues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

function fail(what: string, error: z.ZodError): never {
  const list = issues(error);
  const first = list[0];
  throw new RequestError(
    'validation_failed',
    400,
    `The ${what} is not valid: ${first ? `${first.path}: ${first.message}` : 'see details'}.`,
    list,
  );
}

export function parseJsonText<S extends z.ZodTypeAny>(text: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new RequestError(
      'malformed_json',
      400,
      'The request body is not valid JSON; send a JSON object.',
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) fail('request body', parsed.error);
  return parsed.data;
}

export async function parseBody<S extends z.ZodTypeAny>(
  c: Context,
  schema: S,
): Promise<z.infer<S>> {
  return parseJsonText(await c.req.text(), schema);
}

export function parseQuery<S extends z.ZodTypeAny>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) fail('query', parsed.error);
  return parsed.data;
}

export function parseParam<S extends z.ZodTypeAny>(
  value: string,
  schema: S,
  name: string,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new RequestError(
      'validation_failed',
      400,
      `The ${name} in the path is not valid: ${parsed.error.issues[0]?.message}.`,
    );
  }
  return parsed.data;
}
