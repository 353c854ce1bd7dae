import { DataSource } from 'typeorm';
import { DemoDepartments } from '@libs/common/demo/demo-departments';

/** Loads the demo departments and one routing rule per (category, department region). Safe to run again. */
export async function loadDemoDepartments(dataSource: DataSource, demo: DemoDepartments): Promise<number> {
  await dataSource.transaction(async (tx) => {
    for (const department of demo.departments) {
      await tx.query(
        `INSERT INTO ticketing.departments (code, name, region_code, is_default_desk) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
           is_default_desk = EXCLUDED.is_default_desk`,
        [department.code, department.name, department.regionCode, department.defaultDesk],
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
