import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { COMPLAINT_CATEGORIES } from '@libs/common/contracts/complaint-categories';
import { Category } from './categories-tree';

const Name = z.string().trim().min(1).max(40);
const TimeLimit = z.number().int().min(1).max(60).optional();

/** demo/categories.yaml: the seven top-level labels, each with the sub-categories we wrote, and optional time limits. */
export const CategoriesFile = z
  .object({
    categories: z.array(
      z.object({
        name: z.enum(COMPLAINT_CATEGORIES),
        concludeWithinWorkingDays: TimeLimit,
        children: z.array(z.object({ name: Name, concludeWithinWorkingDays: TimeLimit })).default([]),
      }),
    ),
  })
  .refine(
    (file) => COMPLAINT_CATEGORIES.every((label) => file.categories.some((top) => top.name === label)),
    `the top level must list each of ${COMPLAINT_CATEGORIES.join(', ')}`,
  )
  .refine((file) => {
    const names = file.categories.flatMap((top) => [top.name, ...top.children.map((child) => child.name)]);
    return new Set(names).size === names.length;
  }, 'category names must be unique across the whole tree');
export type CategoriesFile = z.infer<typeof CategoriesFile>;

export function readCategoriesFile(demoDir = 'demo'): CategoriesFile {
  return CategoriesFile.parse(parse(readFileSync(join(demoDir, 'categories.yaml'), 'utf8')));
}

/** The file as rows, parents first, positions in the file's order. */
export function categoryRows(file: CategoriesFile): Category[] {
  return file.categories.flatMap((top, topIndex) => [
    {
      name: top.name,
      parentName: null,
      concludeWithinWorkingDays: top.concludeWithinWorkingDays ?? null,
      position: topIndex + 1,
    },
    ...top.children.map((child, childIndex) => ({
      name: child.name,
      parentName: top.name,
      concludeWithinWorkingDays: child.concludeWithinWorkingDays ?? null,
      position: childIndex + 1,
    })),
  ]);
}
