import { TICKET_STATUSES } from '../tickets/ticket-lifecycle';
import { render } from './open311-document';
import {
  open311Status,
  PublicTicket,
  publicRequest,
  receiptDocument,
  serviceNotice,
  statusNotes,
  w3cDateTime,
} from './open311-request-view';

/** The fields of a request in the spec's GET Service Request(s) example, in its order. */
const SPEC_REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
/** The fields of the spec's POST Service Request answer, in its order. */
const SPEC_RECEIPT_FIELDS = ['service_request_id', 'service_notice', 'account_id'];

const fromOpen311 = (overrides: Partial<PublicTicket> = {}): PublicTicket => ({
  ticketNo: 'GD20261126000042',
  status: 'assigned',
  category: '城乡建设',
  channel: 'open311',
  departmentName: '天河区住房和建设局',
  workingDays: 5,
  reopenCount: 0,
  acceptedAt: new Date('2026-11-26T02:30:00Z'),
  updatedAt: new Date('2026-11-26T02:30:00Z'),
  dueAt: new Date('2026-12-03T23:59:59.999+08:00'),
  summaryPlace: null,
  location: { lat: 23.1291, lon: 113.3612 },
  open311Address: '天河区棠下小区东门 联系13800138000',
  open311AddressId: 'TH-0001',
  ...overrides,
});

describe('a ticket as an Open311 request', () => {
  it('is closed once concluded (办结), whether or not rated and filed since; open before', () => {
    const closed = TICKET_STATUSES.filter((status) => open311Status(status) === 'closed');
    expect(closed).toEqual(['resolved', 'revisited', 'closed']);
    expect(TICKET_STATUSES.filter((status) => open311Status(status) === 'open')).toEqual([
      'created',
      'assigned',
      'accepted',
      'in_progress',
      'returned',
    ]);
  });

  it("has the spec's fields in the spec's order, with our ticket number as its id", () => {
    const request = publicRequest(fromOpen311());
    expect(Object.keys(request)).toEqual(SPEC_REQUEST_FIELDS);
    expect(request).toMatchObject({
      service_request_id: 'GD20261126000042',
      status: 'open',
      status_notes: '已派单至天河区住房和建设局，等待签收',
      service_name: '城乡建设',
      service_code: 'urban-construction',
      agency_responsible: '天河区住房和建设局',
      service_notice: '由天河区住房和建设局办理，办结时限为 5 个工作日，预计2026年12月3日前办结',
      requested_datetime: '2026-11-26T10:30:00+08:00',
      updated_datetime: '2026-11-26T10:30:00+08:00',
      expected_datetime: '2026-12-03T23:59:59+08:00',
      address_id: 'TH-0001',
      lat: 23.1291,
      long: 113.3612,
    });
  });

  it("publishes an Open311 request's address with any phone or ID number masked, and never a description", () => {
    const request = publicRequest(fromOpen311());
    expect(request.address).toBe('天河区棠下小区东门 联系138****8000');
    expect(request.description).toBeNull();
    expect(request.media_url).toBeNull();
  });

  it('shows a complaint from a conversation by its region only: a point shared in a chat may be a home', () => {
    const request = publicRequest(
      fromOpen311({
        channel: 'wecom',
        summaryPlace: '广东省广州市天河区',
        open311Address: null,
        open311AddressId: null,
      }),
    );
    expect(request).toMatchObject({ address: '广东省广州市天河区', address_id: null, lat: null, long: null });
  });

  it('keeps a category outside the seven as its name, without a code (it went to the desk)', () => {
    expect(publicRequest(fromOpen311({ category: '其他' }))).toMatchObject({
      service_name: '其他',
      service_code: null,
    });
  });

  it('says where the work order stands, in the words of the 12345 hotline', () => {
    const at = (status: PublicTicket['status'], reopenCount = 0) =>
      statusNotes({ status, departmentName: '天河区住房和建设局', reopenCount });
    expect(at('accepted')).toBe('天河区住房和建设局已签收');
    expect(at('in_progress')).toBe('天河区住房和建设局正在办理');
    expect(at('in_progress', 1)).toBe('天河区住房和建设局正在重新办理');
    expect(at('resolved')).toBe('天河区住房和建设局已办结');
    expect(at('closed')).toBe('天河区住房和建设局已办结，已归档');
    expect(statusNotes({ status: 'returned', departmentName: '广州市12345政务服务便民热线', reopenCount: 0 })).toBe(
      '已退回广州市12345政务服务便民热线，正在重新派单',
    );
  });

  it('promises nothing once concluded, and no date when the holiday schedule is not yet published', () => {
    const ticket = { departmentName: '天河区住房和建设局', workingDays: 5, dueAt: null };
    expect(serviceNotice({ ...ticket, status: 'resolved' })).toBeNull();
    expect(serviceNotice({ ...ticket, status: 'accepted' })).toBe('由天河区住房和建设局办理，办结时限为 5 个工作日');
    expect(publicRequest(fromOpen311({ status: 'resolved', dueAt: null }))).toMatchObject({
      status: 'closed',
      service_notice: null,
      expected_datetime: null,
    });
  });

  it('writes date-times in W3C format with the Beijing offset, as the spec requires a zone', () => {
    expect(w3cDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01T00:00:00+08:00');
    expect(w3cDateTime(new Date('2010-04-14T14:37:38Z'))).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
    );
  });

  it('renders as the XML of the spec, one <request> each', () => {
    const xml = render({ root: 'service_requests', body: [publicRequest(fromOpen311())] }, 'xml');
    expect(xml).toContain('<service_requests><request><service_request_id>GD20261126000042</service_request_id>');
    expect(xml).toContain('<description/><agency_responsible>天河区住房和建设局</agency_responsible>');
    expect(xml).toContain('<zipcode/><lat>23.1291</lat><long>113.3612</long><media_url/></request></service_requests>');
  });
});

describe("POST Service Request's answer", () => {
  it("has the spec's fields: our ticket number, what happens next, the client's account id back", () => {
    const receipt = receiptDocument({ ticketNo: 'GD20261126000042', serviceNotice: '由…办理', accountId: null });
    expect(receipt.root).toBe('service_requests');
    expect(Array.isArray(receipt.body) && Object.keys(receipt.body[0] ?? {})).toEqual(SPEC_RECEIPT_FIELDS);
    expect(render(receipt, 'xml')).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request>' +
        '<service_request_id>GD20261126000042</service_request_id><service_notice>由…办理</service_notice>' +
        '<account_id/></request></service_requests>',
    );
  });
});
