import { regionCodesOf, regionGeocodeProblem } from './region-geocodes';

describe('region codes among CAP geocodes', () => {
  it('takes the administrative codes, each once, and leaves other code systems aside', () => {
    expect(
      regionCodesOf([
        { valueName: 'GB/T 2260', value: '440106' },
        { valueName: 'gb/t2260', value: '440104' },
        { valueName: 'ADCODE', value: '440106' },
        { valueName: '行政区划代码', value: '440100' },
        { valueName: 'SAME', value: '006109' },
        { valueName: 'UGC', value: 'CAZ072' },
      ]),
    ).toEqual(['440106', '440104', '440100']);
  });

  it('finds none in the OASIS examples, whose codes are American', () => {
    expect(regionCodesOf([{ valueName: 'SAME', value: '006037' }])).toEqual([]);
  });

  it('says when a region code is not six digits, and lets other code systems be', () => {
    expect(regionGeocodeProblem('ADCODE', '4401')).toBe('行政区划代码（ADCODE）须为 6 位数字，如 440106，现为「4401」');
    expect(regionGeocodeProblem('GB/T 2260', '440106')).toBeUndefined();
    expect(regionGeocodeProblem('UGC', 'CAZ072')).toBeUndefined();
  });
});
