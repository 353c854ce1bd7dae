import { REGION_CODES_AS_OF, REGION_ROWS } from './region-gazetteer.data';
import { regionGazetteer, shortNameOf } from './region-gazetteer';

const codesOf = (name: string) => regionGazetteer.lookup(name).map((entry) => entry.code);

describe('the administrative division table', () => {
  it('holds every province-level unit', () => {
    const provinces = REGION_ROWS.filter((row) => row.slice(2, 6) === '0000');
    expect(provinces).toHaveLength(34);
    expect(provinces).toEqual(
      expect.arrayContaining(['440000广东省', '110000北京市', '810000香港特别行政区', '710000台湾省']),
    );
  });

  it('holds Guangdong whole: the province, its 21 prefecture-level cities and 122 county-level divisions', () => {
    const guangdong = REGION_ROWS.filter((row) => row.startsWith('44'));
    const cities = guangdong.filter((row) => /^44\d\d00/.test(row) && row.slice(0, 6) !== '440000');
    expect(cities).toHaveLength(21);
    expect(guangdong.length - 1 - cities.length).toBe(122);
    expect(guangdong).toEqual(
      expect.arrayContaining([
        '440100广州市',
        '440106天河区',
        '440104越秀区',
        '441900东莞市',
        '442000中山市',
        '445381罗定市',
      ]),
    );
  });

  it.each([
    ['石家庄', '130100'],
    ['太原', '140100'],
    ['呼和浩特', '150100'],
    ['沈阳', '210100'],
    ['长春', '220100'],
    ['哈尔滨', '230100'],
    ['南京', '320100'],
    ['杭州', '330100'],
    ['合肥', '340100'],
    ['福州', '350100'],
    ['南昌', '360100'],
    ['济南', '370100'],
    ['郑州', '410100'],
    ['武汉', '420100'],
    ['长沙', '430100'],
    ['广州', '440100'],
    ['南宁', '450100'],
    ['海口', '460100'],
    ['成都', '510100'],
    ['贵阳', '520100'],
    ['昆明', '530100'],
    ['拉萨', '540100'],
    ['西安', '610100'],
    ['兰州', '620100'],
    ['西宁', '630100'],
    ['银川', '640100'],
    ['乌鲁木齐', '650100'],
  ])('finds the provincial capital %s (%s) by its short name and its full name', (name, code) => {
    expect(codesOf(name)).toContain(code);
    expect(codesOf(`${name}市`)).toEqual([code]);
  });

  it('keeps statistical-only areas out', () => {
    expect(REGION_ROWS.some((row) => /开发区|工业园区|管委会|市辖区|直辖县级/.test(row))).toBe(false);
    expect(REGION_ROWS.some((row) => /^\d{4}7\d/.test(row))).toBe(false);
  });

  it('says how current its codes are', () => {
    expect(REGION_CODES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives every entry its level and the names of its parents', () => {
    expect(regionGazetteer.byCode.get('440106')).toMatchObject({ level: 'district', fullName: '广东省广州市天河区' });
    expect(regionGazetteer.byCode.get('440100')).toMatchObject({ level: 'city', fullName: '广东省广州市' });
    expect(regionGazetteer.byCode.get('310115')).toMatchObject({ level: 'district', fullName: '上海市浦东新区' });
    expect(regionGazetteer.byCode.get('429004')).toMatchObject({ level: 'district', fullName: '湖北省仙桃市' });
  });
});

describe('short names', () => {
  it.each([
    ['天河区', '天河'],
    ['广州市', '广州'],
    ['广东省', '广东'],
    ['浦东新区', '浦东'],
    ['广西壮族自治区', '广西'],
    ['新疆维吾尔自治区', '新疆'],
    ['内蒙古自治区', '内蒙古'],
    ['香港特别行政区', '香港'],
    ['连山壮族瑶族自治县', '连山'],
    ['延边朝鲜族自治州', '延边'],
    ['积石山保安族东乡族撒拉族自治县', '积石山'],
    ['博尔塔拉蒙古自治州', '博尔塔拉'],
    ['长白朝鲜族自治县', '长白'],
    ['神农架林区', '神农架'],
    ['津市市', '津市'],
  ])('calls %s %s', (name, short) => {
    expect(shortNameOf(name)).toBe(short);
  });

  it('has none when what is left is one character', () => {
    expect(shortNameOf('涉县')).toBeUndefined();
    expect(shortNameOf('城区')).toBeUndefined();
    expect(shortNameOf('鄂温克族自治旗')).toBeUndefined();
  });
});

describe('finding place names in a text', () => {
  const surfaces = (text: string) => regionGazetteer.findMentions(text).map((mention) => mention.surface);

  it('takes the longest name at each place', () => {
    expect(surfaces('广州市天河区')).toEqual(['广州市', '天河区']);
    expect(surfaces('广东省广州市越秀区')).toEqual(['广东省', '广州市', '越秀区']);
  });

  it('does not read a road, a station, a university or a park as the place it is named after', () => {
    expect(surfaces('北京路步行街')).toEqual([]);
    expect(surfaces('在广州南站等车')).toEqual([]);
    expect(surfaces('中山大学附近')).toEqual([]);
    expect(surfaces('天河公园门口')).toEqual([]);
    expect(surfaces('白云机场怎么去')).toEqual([]);
    expect(surfaces('我买了个长沙发')).toEqual([]);
  });

  it('marks everyday words that are also places', () => {
    const [mention] = regionGazetteer.findMentions('光明正大');
    expect(mention).toMatchObject({ surface: '光明', isEverydayWord: true });
  });
});
