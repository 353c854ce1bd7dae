import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from this file whether it runs compiled (dist/tools/dev) or from source (tools/dev). */
export function projectRoot(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'tools', 'dev-kafka'))) return dir;
  }
  throw new Error(`cannot find the project root above ${from}`);
}
