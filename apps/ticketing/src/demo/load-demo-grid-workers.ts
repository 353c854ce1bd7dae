import { DataSource } from 'typeorm';
import { DemoGridWorkers } from '@libs/common/demo/demo-grid-workers';

/** Loads the demo grid workers, to whom home visits are given. Safe to run again. */
export async function loadDemoGridWorkers(dataSource: DataSource, demo: DemoGridWorkers): Promise<number> {
  for (const worker of demo.gridWorkers) {
    await dataSource.query(
      `INSERT INTO ticketing.grid_workers (username, name, region_code, community, areas) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
         community = EXCLUDED.community, areas = EXCLUDED.areas`,
      [worker.login, worker.name, worker.regionCode, worker.community, JSON.stringify(worker.areas)],
    );
  }
  return demo.gridWorkers.length;
}
