import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { RegionCode } from '../contracts/common-fields';

/** The demo grid workers (demo/grid-workers.yaml): ticketing assigns home visits to them, gateway creates their accounts. */
export const DemoGridWorkers = z.object({
  gridWorkers: z
    .array(
      z.object({
        login: z.string().regex(/^[a-z0-9-]{2,32}$/),
        name: z.string().min(1),
        regionCode: RegionCode,
        community: z.string().min(1),
        /** Place names of the grid (streets, estates, villages) a citizen may mention. */
        areas: z.array(z.string().min(2)).min(1),
      }),
    )
    .min(1),
});
export type DemoGridWorkers = z.infer<typeof DemoGridWorkers>;

export function readDemoGridWorkers(demoDir = 'demo'): DemoGridWorkers {
  return DemoGridWorkers.parse(parse(readFileSync(join(demoDir, 'grid-workers.yaml'), 'utf8')));
}
