import { routeTicket, RoutingRule } from './route-ticket';

const rules: RoutingRule[] = [
  { category: '城乡建设', regionCode: '440000', departmentCode: 'gd-zjt' },
  { category: '城乡建设', regionCode: '440100', departmentCode: 'gz-zjj' },
  { category: '城乡建设', regionCode: '440106', departmentCode: 'th-zjj' },
  { category: '环境保护', regionCode: '440100', departmentCode: 'gz-sthj' },
];

describe('routing a ticket', () => {
  it('sends it to the department of the most specific region that contains it', () => {
    expect(routeTicket({ category: '城乡建设', regionCode: '440106' }, rules, 'desk')).toBe('th-zjj');
    expect(routeTicket({ category: '城乡建设', regionCode: '440104' }, rules, 'desk')).toBe('gz-zjj');
    expect(routeTicket({ category: '城乡建设', regionCode: '440306' }, rules, 'desk')).toBe('gd-zjt');
    expect(routeTicket({ category: '环境保护', regionCode: '440106' }, rules, 'desk')).toBe('gz-sthj');
  });

  it('sends what no rule covers to the desk', () => {
    expect(routeTicket({ category: '环境保护', regionCode: '310115' }, rules, 'desk')).toBe('desk');
    expect(routeTicket({ category: '其他', regionCode: '440106' }, rules, 'desk')).toBe('desk');
  });
});
