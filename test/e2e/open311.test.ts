import { JsonResponse, request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

// Open311 GeoReport v2 on ticketing, through HTTP as another system would use it: the services, a request posted
// with and without a valid api_key, then followed by id and by filters until its department concludes it.

const API_KEY = 'e2e-open311-city-app-0001';
process.env.OPEN311_API_KEYS = `${API_KEY},e2e-open311-other-app-0002`;

interface Open311Error {
  code: number;
  description: string;
}
interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string | null;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
}

/** What the submitter tells about themselves: none of it may ever come back from a GET. */
const CONTACT = {
  first_name: '明远',
  last_name: '欧阳',
  phone: '13912345678',
  email: 'ouyang.mingyuan@example.com',
  device_id: 'device-7f3a9c2e',
  account_id: 'acct-5521907',
};
const DESCRIPTION = '棠下小区东门外人行道塌陷一个大坑，晚上很危险。我是住在8栋的欧阳明远，电话13912345678';

let system: RunningSystem;
const staffTokens = new Map<string, string>();
/** Every GET answer of this suite, to look for personal data in. */
const published: string[] = [];

beforeAll(async () => {
  system = await startSystem(['gateway', 'ticketing']);
});
afterAll(() => system?.stop());

const open311 = (path: string) => system.url('ticketing', `/open311/v2/${path}`);

async function get<T>(path: string): Promise<JsonResponse<T>> {
  const answer = await request<T>('GET', open311(path));
  published.push(answer.text);
  return answer;
}

function postForm<T>(path: string, fields: Record<string, string>): Promise<JsonResponse<T>> {
  return request<T>('POST', open311(path), {
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
}

async function staffToken(username: string): Promise<string> {
  if (!staffTokens.has(username)) {
    const login = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
      json: { username, password: system.staffPassword },
    });
    staffTokens.set(username, login.body.accessToken);
  }
  return staffTokens.get(username) ?? '';
}

async function staffAct(username: string, ticketNo: string, action: string, json: unknown = {}) {
  const answer = await request<{ status: string }>(
    'POST',
    system.url('ticketing', `/api/v1/tickets/${ticketNo}/${action}`),
    { json, token: await staffToken(username) },
  );
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('Open311 services', () => {
  it('lists our seven categories as realtime services, in JSON and in XML', async () => {
    const json = await get<Array<Record<string, unknown>>>('services.json');
    expect(json.status).toBe(200);
    expect(json.body).toHaveLength(7);
    expect(json.body).toContainEqual(
      expect.objectContaining({
        service_code: 'urban-construction',
        service_name: '城乡建设',
        metadata: false,
        type: 'realtime',
      }),
    );
    const xml = await get<string>('services.xml');
    expect(xml.status).toBe(200);
    expect(xml.text).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<services><service><service_code>/);
    expect(xml.text.match(/<service>/g)).toHaveLength(7);
  });

  it('defines a service, and answers an unknown service or format with 404 in the format asked for', async () => {
    const definition = await get('services/environment.json');
    expect(definition.body).toEqual({ service_code: 'environment', attributes: [] });
    expect((await get<string>('services/environment.xml')).text).toContain(
      '<service_definition><service_code>environment</service_code><attributes/></service_definition>',
    );

    const unknown = await get<Open311Error[]>('services/001.json');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: expect.stringContaining('001') }]);
    const unknownXml = await get<string>('services/001.xml');
    expect(unknownXml.status).toBe(404);
    expect(unknownXml.text).toMatch(
      /<errors><error><code>404<\/code><description>.+<\/description><\/error><\/errors>/,
    );
    expect((await get<Open311Error[]>('services.csv')).status).toBe(404);
    const token = await get<string>('tokens/12345.xml');
    expect(token.status).toBe(404);
    expect(token.text).toContain('<errors><error><code>404</code>');
  });
});

describe('an Open311 request, from submission to 办结', () => {
  let ticketNo = '';

  it("is refused without a valid api_key, in the spec's error format", async () => {
    const fields = { service_code: 'urban-construction', address_string: '天河区棠下小区东门' };
    const missing = await postForm<Open311Error[]>('requests.json', fields);
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const wrong = await fetch(open311('requests.xml'), {
      method: 'POST',
      body: new URLSearchParams({ ...fields, api_key: 'e2e-open311-not-a-key-0000' }),
    });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await wrong.text()).toContain('<errors><error><code>403</code>');
  });

  it('is refused with bad input: 400 naming each problem, 404 for an unknown service', async () => {
    const noService = await postForm<Open311Error[]>('requests.json', { api_key: API_KEY, lat: '23.13' });
    expect(noService.status).toBe(400);
    expect(noService.body.map((error) => error.description)).toEqual([
      '缺少 service_code（服务类型代码）',
      'lat 和 long 需同时提供',
    ]);
    expect(noService.body.every((error) => error.code === 400)).toBe(true);
    const badEmail = await request<Open311Error[]>('POST', open311('requests.json'), {
      json: { api_key: API_KEY, service_code: 'transport', address_id: 'TH-0001', email: 'not-an-email' },
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body).toEqual([{ code: 400, description: 'email 格式不正确' }]);
    const unknownService = await postForm<Open311Error[]>('requests.json', {
      api_key: API_KEY,
      service_code: '001',
      address_string: '天河区棠下小区东门',
    });
    expect(unknownService.status).toBe(404);
  });

  it('becomes a ticket routed like a complaint from chat, and answers its number', async () => {
    const created = await postForm<Array<{ service_request_id: string; service_notice: string; account_id: string }>>(
      'requests.json',
      {
        api_key: API_KEY,
        jurisdiction_id: 'gz.gov.cn',
        service_code: 'urban-construction',
        lat: '23.1291',
        long: '113.3612',
        address_string: '天河区棠下小区东门',
        description: DESCRIPTION,
        media_url: 'https://example.com/photos/sinkhole.jpg',
        ...CONTACT,
      },
    );
    expect(created.status).toBe(200);
    expect(created.body).toEqual([
      {
        service_request_id: expect.stringMatching(/^GD\d{14,}$/),
        service_notice: expect.stringMatching(/^由天河区住房和建设局办理，办结时限为 \d+ 个工作日/),
        account_id: CONTACT.account_id,
      },
    ]);
    ticketNo = created.body[0].service_request_id;

    // The department sees it as any other ticket: routed by category and district, with where it is.
    const staffView = await request<{ channel: string; departmentCode: string; status: string; description: string }>(
      'GET',
      system.url('ticketing', `/api/v1/tickets/${ticketNo}`),
      { token: await staffToken('thzjj-staff') },
    );
    expect(staffView.body).toMatchObject({ channel: 'open311', departmentCode: '440106-zjj', status: 'assigned' });
    expect(staffView.body.description).toContain('问题位置：天河区棠下小区东门');

    // The submitter's details, in clear, only through the audited endpoint and only with a reason.
    const personal = await request<{ contact: Record<string, string | null> }>(
      'GET',
      system.url(
        'ticketing',
        `/api/v1/tickets/${ticketNo}/personal-data?reason=${encodeURIComponent('回电核实塌陷位置')}`,
      ),
      { token: await staffToken('thzjj-staff') },
    );
    expect(personal.status).toBe(200);
    expect(personal.body.contact).toMatchObject({
      firstName: CONTACT.first_name,
      lastName: CONTACT.last_name,
      phone: CONTACT.phone,
      email: CONTACT.email,
    });
  });

  it('is answered in XML when posted to requests.xml, JSON bodies included', async () => {
    const created = await request<string>('POST', open311('requests.xml'), {
      json: { api_key: API_KEY, service_code: 'environment', address_string: '天河区棠下村', ...CONTACT },
    });
    expect(created.status).toBe(200);
    expect(created.text).toMatch(
      /<service_requests><request><service_request_id>GD\d{14,}<\/service_request_id><service_notice>由广州市生态环境局天河分局办理/,
    );
    expect(created.text).toContain(`<account_id>${CONTACT.account_id}</account_id></request></service_requests>`);
  });

  it('posted by many at once, each becomes its own ticket with its own submitter and place', async () => {
    // Concurrent requests share one transaction (a micro-batch): nothing may end up on the wrong ticket.
    const posted = Array.from({ length: 30 }, (_, n) => ({
      address: `天河区棠下二横路第${n + 1}号灯杆`,
      phone: `1391234${String(n).padStart(4, '0')}`,
    }));
    const answers = await Promise.all(
      posted.map(({ address, phone }) =>
        postForm<Array<{ service_request_id: string }>>('requests.json', {
          api_key: API_KEY,
          service_code: 'urban-construction',
          address_string: address,
          description: '路灯不亮',
          phone,
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(posted.map(() => 200));
    const ticketNos = answers.map((answer) => answer.body[0].service_request_id);
    expect(new Set(ticketNos).size).toBe(posted.length);
    for (const [n, { address, phone }] of posted.entries()) {
      const [found] = (await get<Open311Request[]>(`requests/${ticketNos[n]}.json`)).body;
      expect(found).toMatchObject({ service_request_id: ticketNos[n], address, status: 'open' });
      const personal = await request<{ contact: { phone: string } }>(
        'GET',
        system.url(
          'ticketing',
          `/api/v1/tickets/${ticketNos[n]}/personal-data?reason=${encodeURIComponent('核对来电')}`,
        ),
        { token: await staffToken('thzjj-staff') },
      );
      expect(personal.body.contact.phone).toBe(phone);
    }
  });

  it('is open, with its department, deadline and place, by id and by filters', async () => {
    const byId = await get<Open311Request[]>(`requests/${ticketNo}.json`);
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual([
      expect.objectContaining({
        service_request_id: ticketNo,
        status: 'open',
        status_notes: '已派单至天河区住房和建设局，等待签收',
        service_name: '城乡建设',
        service_code: 'urban-construction',
        description: null,
        agency_responsible: '天河区住房和建设局',
        service_notice: expect.stringContaining('由天河区住房和建设局办理'),
        requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
        address: '天河区棠下小区东门',
        lat: 23.1291,
        long: 113.3612,
      }),
    ]);
    const xml = await get<string>(`requests/${ticketNo}.xml`);
    expect(xml.text).toContain(`<service_requests><request><service_request_id>${ticketNo}</service_request_id>`);
    expect(xml.text).toContain('<status>open</status>');

    const open = await get<Open311Request[]>('requests.json?service_code=urban-construction&status=open');
    expect(open.body.map((found) => found.service_request_id)).toContain(ticketNo);
    const closed = await get<Open311Request[]>('requests.json?status=closed');
    expect(closed.body.map((found) => found.service_request_id)).not.toContain(ticketNo);
    const otherService = await get<Open311Request[]>('requests.json?service_code=transport');
    expect(otherService.body.map((found) => found.service_request_id)).not.toContain(ticketNo);
    const listed = await get<Open311Request[]>(`requests.json?service_request_id=${ticketNo},GD20990101000001`);
    expect(listed.body.map((found) => found.service_request_id)).toEqual([ticketNo]);
  });

  it('is closed once the department concludes it, with the time it changed', async () => {
    await staffAct('thzjj-staff', ticketNo, 'sign-for');
    expect((await get<Open311Request[]>(`requests/${ticketNo}.json`)).body[0]).toMatchObject({
      status: 'open',
      status_notes: '天河区住房和建设局已签收',
    });
    await staffAct('thzjj-staff', ticketNo, 'conclude', {
      reply: '经现场核查，塌陷路面已于今日回填修复，并设置了警示标志。',
    });
    const concluded = (await get<Open311Request[]>(`requests/${ticketNo}.json`)).body[0];
    expect(concluded).toMatchObject({
      status: 'closed',
      status_notes: '天河区住房和建设局已办结',
      service_notice: null,
    });
    expect(new Date(concluded.updated_datetime).getTime()).toBeGreaterThanOrEqual(
      new Date(concluded.requested_datetime).getTime(),
    );
    const closed = await get<Open311Request[]>('requests.json?status=closed&service_code=urban-construction');
    expect(closed.body.map((found) => found.service_request_id)).toContain(ticketNo);
    const open = await get<Open311Request[]>('requests.json?status=open');
    expect(open.body.map((found) => found.service_request_id)).not.toContain(ticketNo);
    expect((await get<string>(`requests.xml?service_request_id=${ticketNo}`)).text).toContain(
      '<status>closed</status>',
    );
  });
  it('is rated by the desk on a 回访 call, or filed without a rating when the submitter cannot be reached', async () => {
    const refused = await request<{ statusCode: number }>(
      'POST',
      system.url('ticketing', `/api/v1/tickets/${ticketNo}/rate`),
      { json: { rating: 4 }, token: await staffToken('thzjj-staff') },
    );
    expect(refused.status).toBe(403);
    const badRating = await request<{ message: string }>(
      'POST',
      system.url('ticketing', `/api/v1/tickets/${ticketNo}/rate`),
      { json: { rating: 7 }, token: await staffToken('admin') },
    );
    expect(badRating.status).toBe(400);
    expect(badRating.body.message).toContain('评价必须是 1 到 5 的整数');
    const filed = await staffAct('admin', ticketNo, 'close', { reason: '三次电话回访均未接通，按规定归档' });
    expect(filed.status).toBe('closed');
  });

  it("answers an unknown request or a bad filter in the spec's format", async () => {
    const unknown = await get<Open311Error[]>('requests/GD20990101000001.json');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: '没有编号为「GD20990101000001」的诉求' }]);
    const tooLong = await get<Open311Error[]>(
      'requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual([{ code: 400, description: 'start_date 与 end_date 相隔不能超过 90 天' }]);
  });

  it('never shows the submitter, their contact details or their words in any answer', () => {
    const everything = published.join('\n');
    expect(published.length).toBeGreaterThan(10);
    for (const personal of [...Object.values(CONTACT), '13912345678', '8栋', '人行道塌陷']) {
      expect(everything).not.toContain(personal);
    }
  });
});
