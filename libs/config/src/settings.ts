import { z } from 'zod';

/** Reusable validators for environment settings. */
export const settings = {
  port: () => z.coerce.number().int().min(1).max(65535),
  url: (protocols: readonly string[]) =>
    z.string().refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    }, `must be a URL with scheme ${protocols.join(' or ')}`),
  hostPort: () => z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port'),
  list: () =>
    z
      .string()
      .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
      .refine((items) => items.length > 0, 'must be a comma-separated list with at least one item'),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  millis: () => z.coerce.number().int().min(1).max(3_600_000),
  flag: () => z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
  secret: (minLength: number) => z.string().min(minLength, `must be at least ${minLength} characters`),
};
