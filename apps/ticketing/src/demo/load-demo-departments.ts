import { DataSource } from 'typeorm';
import { DemoDepartments } from '@libs/common/demo/demo-departments';
import { CategoriesFile, categoryRows, readCategoriesFile } from '../routing/categories-file';

/**
 * Loads the demo category tree, the demo departments (their head: the demo `<login>-head` account) and one routing
 * rule per (category, department region). Safe to run again.
 */
export async function loadDemoDepartments(
  dataSource: DataSource,
  demo: DemoDepartments,
  categories: CategoriesFile = readCategoriesFile(),
): Promise<number> {
  await dataSource.transaction(async (tx) => {
    for (const category of categoryRows(categories)) {
      await tx.query(
        `INSERT INTO ticketing.categories (name, parent_name, conclude_within_working_days, position)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET parent_name = EXCLUDED.parent_name,
           conclude_within_working_days = EXCLUDED.conclude_within_working_days, position = EXCLUDED.position`,
        [category.name, category.parentName, category.concludeWithinWorkingDays, category.position],
      );
    }
    for (const department of demo.departments) {
      await tx.query(
        `INSERT INTO ticketing.departments (code, name, region_code, is_default_desk, head_username)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
           is_default_desk = EXCLUDED.is_default_desk, head_username = EXCLUDED.head_username`,
        [department.code, department.name, department.regionCode, department.defaultDesk, `${department.login}-head`],
      );
      for (const category of department.categories) {
        await tx.query(
          `INSERT INTO ticketing.routing_rules (category, region_code, department_code) VALUES ($1, $2, $3)
           ON CONFLICT (category, region_code) DO UPDATE SET department_code = EXCLUDED.department_code`,
          [category, department.regionCode, department.code],
        );
      }
    }
  });
  return demo.departments.length;
}
