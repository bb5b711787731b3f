import type { z } from 'zod';
import { Problem } from './problem';

/** Parses input with a zod schema; failures become one 400 listing every field. */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new Problem(
    400,
    'INVALID_REQUEST',
    'the request is not valid',
    result.error.issues.map((issue) => ({
      field: issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(body)'),
      message: issue.message,
    })),
  );
}
