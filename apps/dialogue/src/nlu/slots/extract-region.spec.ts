import { extractSlots } from './extract-slots';
import type { RegionSlot } from './slots';

const regionOf = (text: string, homeCityCode?: string) => extractSlots(text, { homeCityCode }).region;
const codeOf = (slot: RegionSlot | undefined) => (slot?.status === 'resolved' ? slot.code : undefined);
const candidateCodes = (slot: RegionSlot | undefined) =>
  slot?.status === 'ambiguous' ? slot.candidates.map((candidate) => candidate.code).sort() : [];

describe('region slot', () => {
  it.each([
    ['我在天河区上班', '440106'],
    ['越秀那边有没有办居住证的地方', '440104'],
    ['想问下广州的公租房', '440100'],
    ['广州市户籍', '440100'],
    ['我是广东省的', '440000'],
    ['我住浦东新区', '310115'],
    ['上海浦东有没有社保服务点', '310115'],
    ['番禺区市桥街道', '440113'],
    ['增城那边的补贴', '440118'],
    ['广西来的', '450000'],
    ['我在东莞打工', '441900'],
    ['连山的低保', '441825'],
  ])('reads %s as %s', (text, code) => {
    expect(codeOf(regionOf(text))).toBe(code);
  });

  it('gives the official name, level and full name, and the words used', () => {
    expect(regionOf('越秀')).toEqual({
      status: 'resolved',
      code: '440104',
      name: '越秀区',
      level: 'district',
      fullName: '广东省广州市越秀区',
      mention: '越秀',
      resolvedBy: 'name',
    });
  });

  it('keeps the most specific place and drops the one that only says where it is', () => {
    const slots = extractSlots('广州市天河区车陂街道');
    expect(codeOf(slots.region)).toBe('440106');
    expect(slots.otherRegions).toBeUndefined();
  });

  it('returns a second, unrelated place apart', () => {
    const slots = extractSlots('我是湖南人，在广州天河上班');
    expect(codeOf(slots.region)).toBe('440106');
    expect(slots.otherRegions?.map(codeOf)).toEqual(['430000']);
  });

  it('resolves a shared name with a city said in the same text', () => {
    expect(regionOf('南京鼓楼区')).toMatchObject({ code: '320106', resolvedBy: 'context' });
    expect(regionOf('我住在长春，朝阳区这边')).toMatchObject({ code: '220104', resolvedBy: 'context' });
    expect(regionOf('北京朝阳区')).toMatchObject({ code: '110105', resolvedBy: 'context' });
    expect(regionOf('福州鼓楼')).toMatchObject({ code: '350102', resolvedBy: 'context' });
  });

  it('returns a shared name with none of its places said as ambiguous, with every candidate', () => {
    const gulou = regionOf('鼓楼区怎么走');
    expect(gulou?.status).toBe('ambiguous');
    expect(candidateCodes(gulou)).toEqual(['320106', '320302', '350102', '410204']);
    expect(candidateCodes(regionOf('朝阳区'))).toEqual(['110105', '220104']);
    expect(candidateCodes(regionOf('朝阳区那边'))).toEqual(['110105', '220104']);
  });

  it('reads a shared name in the home city or province, and says so', () => {
    expect(regionOf('白云区')).toMatchObject({ code: '440111', resolvedBy: 'homeCity' });
    expect(regionOf('南山')).toMatchObject({ code: '440305', resolvedBy: 'homeProvince' });
    expect(regionOf('中山')).toMatchObject({ code: '442000', resolvedBy: 'homeProvince' });
    // Elsewhere the same name stays open.
    expect(regionOf('白云区', '310000')?.status).toBe('ambiguous');
  });

  it('reads a short name as the province, or as the city around the county of the same name', () => {
    expect(codeOf(regionOf('吉林'))).toBe('220000');
    expect(codeOf(regionOf('吉林市'))).toBe('220200');
    expect(codeOf(regionOf('海南'))).toBe('460000');
    expect(codeOf(regionOf('我在长沙工作'))).toBe('430100');
    expect(codeOf(regionOf('长沙县'))).toBe('430121');
  });

  it('counts an everyday word that is also a place only right after a place containing it', () => {
    expect(codeOf(regionOf('深圳光明'))).toBe('440311');
    expect(codeOf(regionOf('汕尾城区'))).toBe('441502');
    expect(codeOf(regionOf('深圳光明区'))).toBe('440311');
    expect(codeOf(regionOf('河源和平县'))).toBe('441624');
  });

  it.each([
    '光明正大地说',
    '城区的房子贵吗',
    '我想和县里反映一下',
    '开了个小店',
    '新市民住房',
    '北京路步行街人太多',
    '中山大学附近',
    '广州塔附近能停车吗',
    '在广州南站',
    '我买了个长沙发',
    '市中心的医院',
    '有什么高要求',
    '你好，我想问下公租房怎么申请？',
    '祝你一路平安',
    '天台漏水',
    '蓝天白云真好',
    '臭气熏天河面全是死鱼',
    '医保定点医院有哪些',
    '大理石脱落',
    '楼下兰州拉面油烟大',
    '挺大同意的',
    '走中山南北路过去',
    '拆迁安置房什么时候交',
    '我想和政府反映',
    '村里新修水泥路',
    '处理县里的事',
    '打开平台就能看到',
    '奖金平均每月多少',
    '沿海城市的经验',
  ])('finds no place in %s', (text) => {
    expect(regionOf(text)).toBeUndefined();
  });
});
