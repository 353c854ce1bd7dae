import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Infrastructure, startInfrastructure } from '../../tools/dev/infrastructure';
import { freePort } from '../../tools/dev/processes';
import { projectRoot } from '../../tools/dev/project-root';

/** Progress lines of a benchmark run, marked apart from its results. */
export const log = (line: string) => process.stdout.write(`» ${line}\n`);

/**
 * Real PostgreSQL, Redis and the dev Kafka broker for one benchmark run, on free ports, with their data in a
 * throwaway folder that stop() removes. `extraTopics` are created on the broker up front (a baseline's topics).
 */
export async function startBenchInfrastructure(
  options: { extraTopics?: string[]; isThrowaway?: boolean } = {},
): Promise<Infrastructure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gov-assistant-bench-'));
  try {
    const infrastructure = await startInfrastructure({
      dataDir,
      cacheDir: join(projectRoot(), 'node_modules', '.cache', 'gov-assistant'),
      ports: { postgres: await freePort(), redis: await freePort(), kafka: await freePort() },
      isThrowaway: options.isThrowaway ?? false,
      extraTopics: options.extraTopics,
      log,
    });
    return {
      ...infrastructure,
      stop: async () => {
        await infrastructure.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
