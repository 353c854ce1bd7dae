import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CapAlert } from './cap-alert';
import { InvalidCapAlert } from './invalid-cap-alert';
import { readCapJson, readCapXml } from './read-cap-alert';

// The OASIS CAP 1.2 specification's example alerts (Appendix A), and a Chinese warning of our own.
const fixture = (name: string) => readFileSync(join(__dirname, '../../../../test/fixtures/cap', `${name}.xml`), 'utf8');
const HOMELAND = fixture('homeland-security-advisory');
const THUNDERSTORM = fixture('severe-thunderstorm-warning');
const EARTHQUAKE = fixture('earthquake-report-update');
const AMBER = fixture('amber-alert-multilingual');
const RAINSTORM = fixture('guangzhou-rainstorm-orange');

function issuesOf(read: () => CapAlert): Array<{ path: string; message: string }> {
  try {
    read();
  } catch (error) {
    if (error instanceof InvalidCapAlert) return error.issues;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

/** The thunderstorm example with one piece replaced: the way each invalid variant is made. */
const thunderstorm = (from: string | RegExp, to: string) => {
  const changed = THUNDERSTORM.replace(from, to);
  if (changed === THUNDERSTORM) throw new Error(`the variant changed nothing: ${String(from)}`);
  return changed;
};

describe('reading the OASIS CAP 1.2 example alerts', () => {
  it('reads the Homeland Security Advisory System update: one info, an area without geometry, no colour', () => {
    const alert = readCapXml(HOMELAND);
    expect(alert).toMatchObject({
      identifier: '43b080713727',
      sender: 'hsas@dhs.gov',
      sent: new Date('2003-04-02T19:39:01Z'),
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
      references: [],
      warningColour: null,
    });
    expect(alert.info).toHaveLength(1);
    expect(alert.info[0]).toMatchObject({
      language: 'en-US',
      lang: 'en',
      category: ['Security'],
      event: 'Homeland Security Advisory System Update',
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Likely',
      headline: 'Homeland Security Sets Code ORANGE',
      web: 'http://www.dhs.gov/dhspublic/display?theme=29',
      parameter: [{ valueName: 'HSAS', value: 'ORANGE' }],
      area: [{ areaDesc: 'U.S. nationwide and interests worldwide', polygon: [], circle: [], regionCodes: [] }],
    });
    expect(alert.info[0].instruction).toMatch(/^A High Condition is declared/);
  });

  it('reads the severe thunderstorm warning with its closed polygon and SAME geocodes', () => {
    const alert = readCapXml(THUNDERSTORM);
    expect(alert).toMatchObject({ identifier: 'KSTO1055887203', sender: 'KSTO@NWS.NOAA.GOV', msgType: 'Alert' });
    const [info] = alert.info;
    expect(info).toMatchObject({
      category: ['Met'],
      responseType: ['Shelter'],
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Observed',
      eventCode: [{ valueName: 'SAME', value: 'SVR' }],
      expires: new Date('2003-06-17T23:00:00Z'),
      contact: 'BARUFFALDI/JUSKIE',
    });
    expect(info.area[0].polygon).toEqual([
      [
        { lat: 38.47, lon: -120.14 },
        { lat: 38.34, lon: -119.95 },
        { lat: 38.52, lon: -119.74 },
        { lat: 38.62, lon: -119.89 },
        { lat: 38.47, lon: -120.14 },
      ],
    ]);
    expect(info.area[0].geocode.map((geocode) => geocode.value)).toEqual(['006109', '006009', '006003']);
    expect(info.area[0].regionCodes).toEqual([]);
  });

  it('reads the earthquake report, an Update with its reference and a circle of radius 0', () => {
    const alert = readCapXml(EARTHQUAKE);
    expect(alert).toMatchObject({
      identifier: 'TRI13970876.2',
      msgType: 'Update',
      references: [{ sender: 'trinet@caltech.edu', identifier: 'TRI13970876.1', sent: '2003-06-11T20:30:00-07:00' }],
    });
    expect(alert.info[0]).toMatchObject({ category: ['Geo'], urgency: 'Past', severity: 'Minor' });
    expect(alert.info[0].parameter).toHaveLength(5);
    expect(alert.info[0].area[0].circle).toEqual([{ centre: { lat: 32.9525, lon: -115.5527 }, radiusKm: 0 }]);
  });

  it('reads the AMBER alert in two languages, keeping the Spanish block though we send neither es nor its text', () => {
    const alert = readCapXml(AMBER);
    expect(alert).toMatchObject({ identifier: 'KAR0-0306112239-SW', source: 'SW' });
    expect(alert.info.map((info) => [info.language, info.lang, info.event])).toEqual([
      ['en-US', 'en', 'Child Abduction'],
      ['es-US', null, 'Abducción de Niño'],
    ]);
    expect(alert.info[0].description).toContain(`3'0", 40 LBS.`);
  });
});

describe('reading a Chinese warning', () => {
  it('reads the colour from its parameter, apart from severity, and the districts as region codes', () => {
    const alert = readCapXml(RAINSTORM);
    expect(alert.warningColour).toBe('orange');
    expect(alert.info.map((info) => [info.lang, info.severity, info.warningColour])).toEqual([
      ['zh', 'Severe', 'orange'],
      ['en', 'Severe', 'orange'],
    ]);
    expect(alert.info[0]).toMatchObject({
      event: '暴雨',
      senderName: '广州市气象台',
      effective: new Date('2026-06-12T00:30:00Z'),
      expires: new Date('2026-06-12T12:30:00Z'),
    });
    expect(alert.info[0].area[0].regionCodes).toEqual(['440106', '440104']);
  });

  it('refuses infos whose colours disagree', () => {
    const mixed = RAINSTORM.replace('<value>orange</value>', '<value>red</value>');
    expect(issuesOf(() => readCapXml(mixed))).toEqual([
      { path: 'info', message: '各 <info> 的预警级别不一致：橙色、红色' },
    ]);
  });
});

describe('refusing invalid CAP documents, saying what is wrong and where', () => {
  it.each([
    [
      'a missing identifier',
      thunderstorm(/<identifier>.*<\/identifier>/, ''),
      'identifier',
      '缺少必填元素 <identifier>',
    ],
    [
      'an empty identifier',
      thunderstorm(/<identifier>.*<\/identifier>/, '<identifier> </identifier>'),
      'identifier',
      '缺少必填元素 <identifier>',
    ],
    [
      'an identifier with a space',
      thunderstorm('KSTO1055887203', 'KSTO 1055887203'),
      'identifier',
      '<identifier> 不能含有空格、逗号、< 或 &',
    ],
    [
      'a sender with an escaped ampersand',
      thunderstorm('KSTO@NWS.NOAA.GOV', 'KSTO&amp;NWS'),
      'sender',
      '<sender> 不能含有空格、逗号、< 或 &',
    ],
    [
      'a status not in the list',
      thunderstorm('<status>Actual</status>', '<status>Real</status>'),
      'status',
      '<status> 的值「Real」无效，应为以下之一：Actual、Exercise、System、Test、Draft',
    ],
    [
      'a lower-case msgType',
      thunderstorm('<msgType>Alert</msgType>', '<msgType>alert</msgType>'),
      'msgType',
      '<msgType> 的值「alert」无效',
    ],
    [
      'an unknown scope',
      thunderstorm('<scope>Public</scope>', '<scope>Everyone</scope>'),
      'scope',
      '<scope> 的值「Everyone」无效',
    ],
    [
      'an unknown category',
      thunderstorm('<category>Met</category>', '<category>Weather</category>'),
      'info[0].category[0]',
      '<category> 的值「Weather」无效',
    ],
    [
      'an unknown responseType',
      thunderstorm('<responseType>Shelter</responseType>', '<responseType>Hide</responseType>'),
      'info[0].responseType[0]',
      '<responseType> 的值「Hide」无效',
    ],
    [
      'an unknown urgency',
      thunderstorm('<urgency>Immediate</urgency>', '<urgency>Now</urgency>'),
      'info[0].urgency',
      '<urgency> 的值「Now」无效',
    ],
    [
      'a CAP 1.0 certainty',
      thunderstorm('<certainty>Observed</certainty>', '<certainty>Very Likely</certainty>'),
      'info[0].certainty',
      '<certainty> 的值「Very Likely」无效',
    ],
    ['a missing severity', thunderstorm(/<severity>.*<\/severity>/, ''), 'info[0].severity', '缺少必填元素 <severity>'],
    ['a missing event', thunderstorm(/<event>.*<\/event>/, ''), 'info[0].event', '缺少必填元素 <event>'],
    ['a missing category', thunderstorm(/<category>.*<\/category>/, ''), 'info[0].category', '缺少必填元素 <category>'],
    [
      'a missing areaDesc',
      thunderstorm(/<areaDesc>.*<\/areaDesc>/, ''),
      'info[0].area[0].areaDesc',
      '缺少必填元素 <areaDesc>',
    ],
    [
      'a sent time in UTC written Z',
      thunderstorm('2003-06-17T14:57:00-07:00', '2003-06-17T21:57:00Z'),
      'sent',
      '不用 Z',
    ],
    [
      'an expiry without offset',
      thunderstorm('2003-06-17T16:00:00-07:00', '2003-06-17T16:00:00'),
      'info[0].expires',
      '<expires> 时间',
    ],
    [
      'an open polygon',
      thunderstorm('38.62,-119.89 38.47,-120.14', '38.62,-119.89'),
      'info[0].area[0].polygon[0]',
      '多边形没有闭合',
    ],
    [
      'a polygon of three points',
      thunderstorm(/<polygon>.*<\/polygon>/, '<polygon>38.47,-120.14 38.34,-119.95 38.47,-120.14</polygon>'),
      'info[0].area[0].polygon[0]',
      '多边形至少需要 4 个点',
    ],
    [
      'a polygon point off the globe',
      thunderstorm('38.34,-119.95', '38.34,-199.95'),
      'info[0].area[0].polygon[0]',
      '第 2 个点「38.34,-199.95」的经度须在 -180 到 180 之间',
    ],
    [
      'a circle without radius',
      thunderstorm('</areaDesc>', '</areaDesc><circle>38.47,-120.14</circle>'),
      'info[0].area[0].circle[0]',
      '圆形区域须写成「纬度,经度 半径」',
    ],
    [
      'a circle with a negative radius',
      thunderstorm('</areaDesc>', '</areaDesc><circle>38.47,-120.14 -3</circle>'),
      'info[0].area[0].circle[0]',
      '半径不能为负数',
    ],
    [
      'a region code of four digits',
      thunderstorm(
        '<valueName>SAME</valueName>\n        <value>006109</value>',
        '<valueName>ADCODE</valueName><value>4401</value>',
      ),
      'info[0].area[0].geocode[0].value',
      '行政区划代码（ADCODE）须为 6 位数字',
    ],
    [
      'a Restricted alert without restriction',
      thunderstorm('<scope>Public</scope>', '<scope>Restricted</scope>'),
      'restriction',
      '<scope> 为 Restricted 时须有 <restriction>',
    ],
    [
      'a Private alert without addresses',
      thunderstorm('<scope>Public</scope>', '<scope>Private</scope>'),
      'addresses',
      '<scope> 为 Private 时须有 <addresses>',
    ],
    [
      'an Update without references',
      thunderstorm('<msgType>Alert</msgType>', '<msgType>Update</msgType>'),
      'references',
      '<msgType> 为 Update 时须有 <references>',
    ],
    [
      'a Cancel without references',
      thunderstorm('<msgType>Alert</msgType>', '<msgType>Cancel</msgType>'),
      'references',
      '<msgType> 为 Cancel 时须有 <references>',
    ],
    [
      'a reference without its sent time',
      thunderstorm(
        '<scope>Public</scope>',
        '<scope>Public</scope><references>KSTO@NWS.NOAA.GOV,KSTO1055887202</references>',
      ),
      'references',
      '须写成「发布者,标识符,发布时间」',
    ],
    [
      'an Alert without info',
      thunderstorm(/<info>[\s\S]*<\/info>/, ''),
      'info',
      '<msgType> 为 Alert 的预警须至少有一个 <info>',
    ],
    [
      'a language that is no tag',
      thunderstorm('<category>Met', '<language>Chinese (simplified)</language><category>Met'),
      'info[0].language',
      '<language> 应为 RFC 3066 语言代码',
    ],
    [
      'two identifiers',
      thunderstorm('<sender>', '<identifier>again</identifier><sender>'),
      'identifier',
      '<identifier> 只能出现一次',
    ],
    [
      'an identifier with children',
      thunderstorm('<identifier>KSTO1055887203</identifier>', '<identifier><b>KSTO</b></identifier>'),
      'identifier',
      '<identifier> 应为文本，不能含子元素',
    ],
    [
      'an unreadable colour',
      thunderstorm('<contact>', '<parameter><valueName>预警级别</valueName><value>紫色</value></parameter><contact>'),
      'info[0].parameter',
      '预警级别参数 预警级别 的值「紫色」无法识别',
    ],
  ])('refuses %s', (_case, xml, path, message) => {
    expect(issuesOf(() => readCapXml(xml))).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('lists every problem of a document at once', () => {
    const xml = thunderstorm(/<identifier>.*<\/identifier>/, '')
      .replace('<msgType>Alert</msgType>', '<msgType>Update</msgType>')
      .replace('<urgency>Immediate</urgency>', '<urgency>Soon</urgency>')
      .replace('38.62,-119.89 38.47,-120.14', '38.62,-119.89');
    expect(issuesOf(() => readCapXml(xml)).map((issue) => issue.path)).toEqual([
      'identifier',
      'info[0].urgency',
      'info[0].area[0].polygon[0]',
      'references',
    ]);
  });
});

describe('the JSON form', () => {
  const json = {
    identifier: 'GZ-2026-0612-0002',
    sender: 'gz-warning-centre@12379.example.cn',
    sent: '2026-06-12T09:00:00+08:00',
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    info: [
      {
        language: 'zh-CN',
        category: 'Met',
        event: '雷电',
        urgency: 'Immediate',
        severity: 'Moderate',
        certainty: 'Likely',
        parameter: [{ valueName: '预警级别', value: '黄色' }],
        area: { areaDesc: '天河区', circle: '23.13,113.36 5', geocode: { valueName: 'ADCODE', value: '440106' } },
      },
    ],
  };

  it('reads the same fields as the XML form, a single repeated element given alone', () => {
    const alert = readCapJson(json);
    expect(alert).toMatchObject({ identifier: 'GZ-2026-0612-0002', warningColour: 'yellow' });
    expect(alert.info[0]).toMatchObject({ category: ['Met'], lang: 'zh' });
    expect(alert.info[0].area[0]).toMatchObject({
      circle: [{ centre: { lat: 23.13, lon: 113.36 }, radiusKm: 5 }],
      regionCodes: ['440106'],
    });
  });

  it('reads what the XML form reads, field for field', () => {
    const fromXml = readCapXml(THUNDERSTORM);
    const { references: _none, ...rest } = fromXml;
    const asJson = JSON.parse(JSON.stringify({ ...rest, sent: '2003-06-17T14:57:00-07:00' }));
    asJson.info[0].expires = '2003-06-17T16:00:00-07:00';
    asJson.info[0].area[0].polygon = ['38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14'];
    expect(readCapJson(asJson)).toEqual(fromXml);
  });

  it('refuses what is not an alert object, and wrong types inside one', () => {
    expect(issuesOf(() => readCapJson([json]))).toEqual([
      { path: '', message: '请求体应为一份 CAP 1.2 预警（<alert> 的各子元素）' },
    ]);
    expect(issuesOf(() => readCapJson({ ...json, identifier: 42 }))).toEqual([
      { path: 'identifier', message: '<identifier> 应为文本，不能含子元素' },
    ]);
    expect(issuesOf(() => readCapJson({ ...json, info: ['雷电'] }))).toContainEqual({
      path: 'info[0]',
      message: '<info> 应由子元素组成',
    });
  });

  it('refuses a JSON document over the size limit', () => {
    const huge = { ...json, note: 'x'.repeat(300 * 1024) };
    expect(issuesOf(() => readCapJson(huge))).toEqual([{ path: '', message: expect.stringContaining('CAP 文档过大') }]);
  });
});
