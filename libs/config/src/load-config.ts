import { z } from 'zod';
import { ConfigError } from './config-error';

/**
 * Validates the environment once at boot against a zod object whose keys are
 * the environment variable names. Throws ConfigError naming each bad setting.
 */
export function loadConfig<S extends z.ZodRawShape>(
  shape: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(root)';
    const value = env[name];
    return value === undefined || value === ''
      ? `${name}: is required but not set`
      : `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}
