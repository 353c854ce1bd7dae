import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment against an app's schema. Variables from an optional .env file fill in what the real
 * environment does not set. Every bad or missing variable is named; values are never echoed (they may be secrets).
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
  dotenvPath = '.env',
): z.infer<S> {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  const merged = { ...fromFile, ...env };
  const result = schema.safeParse(merged);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(configuration)';
      const missing = issue.code === 'invalid_type' && merged[String(issue.path[0])] === undefined;
      return missing ? `${name} is required` : `${name}: ${issue.message}`;
    }),
  );
}
