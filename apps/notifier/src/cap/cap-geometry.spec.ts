import { readCircle, readPolygon } from './cap-geometry';

const problemOf = (reading: { value: unknown } | { problem: string }) => ('problem' in reading ? reading.problem : '');

describe('reading a CAP polygon', () => {
  it("reads the specification's thunderstorm polygon, five points closing on the first", () => {
    const reading = readPolygon('38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14');
    expect(reading).toEqual({
      value: [
        { lat: 38.47, lon: -120.14 },
        { lat: 38.34, lon: -119.95 },
        { lat: 38.52, lon: -119.74 },
        { lat: 38.62, lon: -119.89 },
        { lat: 38.47, lon: -120.14 },
      ],
    });
  });

  it('takes any whitespace between points and compares the closing point by value', () => {
    expect(readPolygon(' 23.2,113.3\n 23.2,113.45\t23.1,113.45  23.20,113.300 ')).toHaveProperty('value');
  });

  it('refuses a ring that does not close, naming both ends', () => {
    expect(problemOf(readPolygon('38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89'))).toBe(
      '多边形没有闭合：最后一个点须与第一个点相同（首点 38.47,-120.14，末点 38.62,-119.89）',
    );
  });

  it('refuses fewer than four points, even when closed', () => {
    expect(problemOf(readPolygon('38.47,-120.14 38.34,-119.95 38.47,-120.14'))).toContain('至少需要 4 个点');
    expect(problemOf(readPolygon(''))).toContain('现有 0 个');
  });

  it.each([
    ['91,10 20,10 20,20 91,10', '第 1 个点「91,10」的纬度须在 -90 到 90 之间'],
    ['10,10 20,181 20,20 10,10', '第 2 个点「20,181」的经度须在 -180 到 180 之间'],
    ['10;10 20,10 20,20 10,10', '第 1 个点「10;10」须写成「纬度,经度」'],
    ['10,10,5 20,10 20,20 10,10', '第 1 个点「10,10,5」须写成「纬度,经度」'],
    ['10,abc 20,10 20,20 10,10', '第 1 个点「10,abc」须写成「纬度,经度」'],
  ])('refuses %s', (text, problem) => {
    expect(problemOf(readPolygon(text))).toContain(problem);
  });
});

describe('reading a CAP circle', () => {
  it("reads the specification's earthquake circle, radius 0", () => {
    expect(readCircle('32.9525,-115.5527 0')).toEqual({
      value: { centre: { lat: 32.9525, lon: -115.5527 }, radiusKm: 0 },
    });
  });

  it('reads a radius in kilometres with decimals', () => {
    expect(readCircle('23.13,113.26 2.5')).toEqual({ value: { centre: { lat: 23.13, lon: 113.26 }, radiusKm: 2.5 } });
  });

  it.each([
    ['23.13,113.26', '圆形区域须写成「纬度,经度 半径」'],
    ['23.13,113.26 5 km', '圆形区域须写成「纬度,经度 半径」'],
    ['23.13,113.26 five', '半径「five」不是数字'],
    ['23.13,113.26 -1', '半径不能为负数'],
    ['123.13,113.26 5', '圆心「123.13,113.26」的纬度须在 -90 到 90 之间'],
  ])('refuses %s', (text, problem) => {
    expect(problemOf(readCircle(text))).toContain(problem);
  });
});
