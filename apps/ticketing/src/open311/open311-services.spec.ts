import { COMPLAINT_CATEGORIES } from '@libs/common/contracts/complaint-categories';
import { render } from './open311-document';
import { OPEN311_SERVICES, serviceByCode, serviceDefinition, serviceList, serviceOfCategory } from './open311-services';

/** The fields of a service in the spec's GET Service List example (its first service), in its order. */
const SPEC_SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];

describe('our categories as Open311 services', () => {
  it('publishes every top-level category once, under its own name', () => {
    expect(OPEN311_SERVICES.map((service) => service.category).sort()).toEqual([...COMPLAINT_CATEGORIES].sort());
    for (const category of COMPLAINT_CATEGORIES) expect(serviceOfCategory(category)?.category).toBe(category);
    expect(serviceOfCategory('其他')).toBeUndefined();
  });

  it('gives each a unique code a client can put in a URL', () => {
    const codes = OPEN311_SERVICES.map((service) => service.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z-]*[a-z]$/);
  });

  it("lists them with the spec's fields: realtime (the ticket number comes back at once), no extra form fields", () => {
    const list = serviceList();
    expect(list.root).toBe('services');
    expect(Array.isArray(list.body) && list.body.length).toBe(COMPLAINT_CATEGORIES.length);
    const urbanConstruction = Array.isArray(list.body) ? list.body[0] : undefined;
    expect(Object.keys(urbanConstruction ?? {})).toEqual(SPEC_SERVICE_FIELDS);
    expect(urbanConstruction).toMatchObject({
      service_code: 'urban-construction',
      service_name: '城乡建设',
      metadata: false,
      type: 'realtime',
      group: '城市建设与管理',
    });
    expect(render(list, 'xml')).toContain(
      '<service><service_code>urban-construction</service_code><service_name>城乡建设</service_name>',
    );
  });

  it('defines each service with no attributes, and knows no other code', () => {
    expect(render(serviceDefinition('environment'), 'xml')).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<service_definition><service_code>environment</service_code><attributes/></service_definition>',
    );
    expect(JSON.parse(render(serviceDefinition('environment'), 'json'))).toEqual({
      service_code: 'environment',
      attributes: [],
    });
    expect(serviceByCode('transport').category).toBe('交通运输');
    expect(() => serviceByCode('001')).toThrow('没有代码为「001」的服务类型');
    expect(() => serviceByCode('城乡建设')).toThrow();
  });
});
