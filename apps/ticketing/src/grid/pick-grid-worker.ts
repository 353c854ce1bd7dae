import { regionContains } from '@libs/common/regions/region-code';

export interface GridWorkerLoad {
  username: string;
  region_code: string;
  community: string;
  areas: string[];
  open: number;
}

/** Of the workers (least loaded first) covering the region, the first whose grid is named, else the first. */
export function pickGridWorker(
  workers: GridWorkerLoad[],
  regionCode: string,
  whereText: string,
): GridWorkerLoad | undefined {
  const covering = workers.filter((worker) => regionContains(worker.region_code, regionCode));
  return covering.find((worker) => worker.areas.some((area) => whereText.includes(area))) ?? covering[0];
}
