import { GridWorkerLoad, pickGridWorker } from './pick-grid-worker';

const worker = (username: string, regionCode: string, areas: string[], open = 0): GridWorkerLoad => ({
  username,
  region_code: regionCode,
  community: `${areas[0]}社区`,
  areas,
  open,
});

// Least loaded first, as the query orders them.
const workers = [
  worker('grid-shipai', '440106', ['石牌', '岗顶'], 0),
  worker('grid-yuexiu', '440104', ['北京街'], 0),
  worker('grid-tangde', '440106', ['棠下', '棠德'], 3),
];

describe('pickGridWorker', () => {
  it('gives the visit to the worker whose grid the citizen named, even when busier', () => {
    expect(pickGridWorker(workers, '440106', '我住天河区棠下，腿脚不方便')?.username).toBe('grid-tangde');
  });

  it('gives it to the least loaded worker of the region when no grid is named', () => {
    expect(pickGridWorker(workers, '440106', '我住天河区，腿脚不方便')?.username).toBe('grid-shipai');
  });

  it('never gives it outside the region, even when a place name matches', () => {
    expect(pickGridWorker(workers, '440104', '我住棠下')?.username).toBe('grid-yuexiu');
    expect(pickGridWorker(workers, '440111', '我住棠下')).toBeUndefined();
  });

  it('finds nobody for a citywide region (the district is not known)', () => {
    expect(pickGridWorker(workers, '440100', '能派人上门吗')).toBeUndefined();
  });
});
