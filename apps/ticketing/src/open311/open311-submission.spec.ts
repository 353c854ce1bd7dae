import { MAX_CITIZEN_TEXT } from '@libs/common/contracts/common-fields';
import { InvalidOpen311Input } from './open311-errors';
import { serviceByCode } from './open311-services';
import { descriptionForDepartment, DESCRIPTION_MAX, Open311Submission, parseSubmission } from './open311-submission';

// The spec's example POST Service Request body (GeoReport v2, "Example Request"), as a form decoder hands it over.
const SPEC_EXAMPLE_BODY =
  'api_key=xyz&jurisdiction_id=city.gov&service_code=001&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001';

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

function problemsOf(body: unknown): string[] {
  try {
    parseSubmission(body);
  } catch (error) {
    if (error instanceof InvalidOpen311Input) return error.problems;
    throw error;
  }
  throw new Error('expected the submission to be refused');
}

const minimal = { service_code: 'urban-construction', address_string: '天河区棠下小区东门' };

describe('reading a POST Service Request', () => {
  it("reads the spec's example request, field by field", () => {
    expect(parseSubmission(form(SPEC_EXAMPLE_BODY))).toEqual({
      serviceCode: '001',
      point: { lat: 37.76524078, lon: -122.4212043 },
      addressString: '1234 5th street',
      addressId: undefined,
      description: 'A large sinkhole is destroying the street',
      contact: {
        email: 'smit333@sfgov.edu',
        phone: '111111111',
        firstName: 'john',
        lastName: 'smith',
        deviceId: 'tt222111',
        accountId: '123456',
      },
      mediaUrl: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
    });
  });

  it('reads JSON too, numbers as numbers', () => {
    expect(parseSubmission({ service_code: 'transport', lat: 23.13, long: 113.36 })).toMatchObject({
      serviceCode: 'transport',
      point: { lat: 23.13, lon: 113.36 },
    });
  });

  it('treats a field sent empty as a field not sent, as the spec says of optional arguments', () => {
    const submission = parseSubmission({ ...minimal, email: '', phone: '  ', description: '', lat: '', long: '' });
    expect(submission.contact.email).toBeUndefined();
    expect(submission.contact.phone).toBeUndefined();
    expect(submission.description).toBeUndefined();
    expect(submission.point).toBeUndefined();
  });

  it('needs a service code and a place: lat and long together, an address or an address id', () => {
    expect(problemsOf({ address_string: '棠下' })).toEqual(['缺少 service_code（服务类型代码）']);
    expect(problemsOf({ service_code: 'transport' })).toEqual([
      '请提供问题位置：lat 和 long、address_string 或 address_id 至少一项',
    ]);
    expect(problemsOf({ service_code: 'transport', lat: '23.1' })).toEqual(['lat 和 long 需同时提供']);
    expect(parseSubmission({ service_code: 'transport', address_id: 'TH-0001' }).addressId).toBe('TH-0001');
    expect(problemsOf({ lat: '23.1' })).toEqual(['缺少 service_code（服务类型代码）', 'lat 和 long 需同时提供']);
  });

  it('names every problem at once, never echoing a value', () => {
    const problems = problemsOf({
      service_code: 'transport',
      lat: '北纬23度',
      long: '200',
      email: 'not-an-email',
      phone: '请打138',
      media_url: 'javascript:alert(1)',
    });
    expect(problems).toEqual([
      'lat 应为数字（WGS84 经纬度）',
      'long 应在 -180 到 180 之间',
      'email 格式不正确',
      'phone 格式不正确',
      'media_url 应为 http 或 https 网址',
    ]);
    expect(problems.join()).not.toContain('not-an-email');
  });

  it('keeps the description within what a ticket holds, the location lines included', () => {
    expect(parseSubmission({ ...minimal, description: '扰'.repeat(DESCRIPTION_MAX) }).description).toHaveLength(
      DESCRIPTION_MAX,
    );
    expect(problemsOf({ ...minimal, description: '扰'.repeat(DESCRIPTION_MAX + 1) })).toEqual([
      `description 不能超过 ${DESCRIPTION_MAX} 个字`,
    ]);
  });

  it('takes line breaks in a description only, and control characters nowhere', () => {
    expect(parseSubmission({ ...minimal, description: '第一行\n第二行' }).description).toBe('第一行\n第二行');
    expect(problemsOf({ ...minimal, first_name: '张\n三' })).toEqual(['first_name 不能换行']);
    expect(problemsOf({ ...minimal, description: '扰民\u0000' })).toEqual(['description 含有无法识别的控制字符']);
  });

  it('refuses a field sent twice where one value is meant, and a body that is not a form or an object', () => {
    expect(problemsOf({ ...minimal, phone: ['13800138000', '13900139000'] })).toEqual(['phone 格式不正确']);
    expect(problemsOf('service_code=transport')).toEqual([
      '请求体应为表单（application/x-www-form-urlencoded）或 JSON 对象',
    ]);
    expect(problemsOf([minimal])).toHaveLength(1);
  });
});

describe('the ticket text a department reads', () => {
  const submission = (overrides: Partial<Open311Submission>): Open311Submission => ({
    serviceCode: 'urban-construction',
    contact: { phone: '13800138000', firstName: '明远', lastName: '欧阳', email: 'oy@example.com' },
    ...overrides,
  });

  it('is the description, then where and the picture', () => {
    expect(
      descriptionForDepartment(
        submission({
          description: '小区东门道路塌陷',
          addressString: '天河区棠下小区东门',
          addressId: 'TH-0001',
          point: { lat: 23.1291, lon: 113.3612 },
          mediaUrl: 'https://example.com/a.jpg',
        }),
        serviceByCode('urban-construction'),
      ),
    ).toBe(
      '小区东门道路塌陷\n问题位置：天河区棠下小区东门；地址编号 TH-0001；经纬度 23.1291, 113.3612\n' +
        '现场图片：https://example.com/a.jpg',
    );
  });

  it('fits in a ticket even with every field at its longest', () => {
    const longest = parseSubmission({
      service_code: 'urban-construction',
      description: '扰'.repeat(DESCRIPTION_MAX),
      address_string: '址'.repeat(200),
      address_id: 'A'.repeat(64),
      lat: '-89.12345678901234567',
      long: '-179.12345678901234567',
      media_url: `https://example.com/${'p'.repeat(270)}`,
    });
    expect(descriptionForDepartment(longest, serviceByCode('urban-construction')).length).toBeLessThanOrEqual(
      MAX_CITIZEN_TEXT,
    );
  });

  it('says so when no description was sent, and never carries the contact details', () => {
    const text = descriptionForDepartment(
      submission({ point: { lat: 23.1, lon: 113.3 } }),
      serviceByCode('urban-construction'),
    );
    expect(text).toBe('（提交方未填写问题描述，服务类型：城乡建设）\n问题位置：经纬度 23.1, 113.3');
    for (const personal of ['13800138000', '明远', '欧阳', 'oy@example.com']) expect(text).not.toContain(personal);
  });
});
