import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { RegionCode } from '../contracts/common-fields';

/** The demo departments (demo/departments.yaml): ticketing loads them and their routing, gateway their accounts. */
export const DemoDepartments = z.object({
  departments: z
    .array(
      z.object({
        code: z.string().regex(/^[0-9a-z-]{3,40}$/),
        name: z.string().min(1),
        regionCode: RegionCode,
        login: z.string().regex(/^[a-z0-9]{2,20}$/),
        defaultDesk: z.boolean().default(false),
        categories: z.array(z.string().min(1)).default([]),
      }),
    )
    .min(1)
    .refine(
      (list) => list.filter((d) => d.defaultDesk).length === 1,
      'exactly one department must be the default desk',
    ),
});
export type DemoDepartments = z.infer<typeof DemoDepartments>;

export function readDemoDepartments(demoDir = 'demo'): DemoDepartments {
  return DemoDepartments.parse(parse(readFileSync(join(demoDir, 'departments.yaml'), 'utf8')));
}
