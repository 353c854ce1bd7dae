import { holdLastPerson, onePerPerson, personOf, Reachable } from './one-per-person';

const subscription = (
  subscriberId: string,
  channel: Reachable['channel'],
  personKey: string | null,
  preference: number,
): Reachable => ({ subscriberId, channel, personKey, preference });

const ids = (chosen: Reachable[]) => chosen.map((one) => one.subscriberId).sort();

describe('one delivery per person', () => {
  it('keeps the channel the person ranked first', () => {
    const chosen = onePerPerson([
      subscription('a-sms', 'sms', 'phone:138', 2),
      subscription('a-wxa', 'wxa', 'phone:138', 1),
      subscription('a-wecom', 'wecom', 'phone:138', 3),
    ]);
    expect(ids(chosen)).toEqual(['a-wxa']);
  });

  it('keeps everyone else apart, and treats subscriptions without a person key as people of their own', () => {
    const chosen = onePerPerson([
      subscription('a-sms', 'sms', 'phone:138', 1),
      subscription('a-wxa', 'wxa', 'phone:138', 2),
      subscription('b-sms', 'sms', 'phone:139', 1),
      subscription('c-wxa', 'wxa', null, 1),
      subscription('d-wxa', 'wxa', null, 1),
    ]);
    expect(ids(chosen)).toEqual(['a-sms', 'b-sms', 'c-wxa', 'd-wxa']);
  });

  it('breaks a tie in rank by channel (SMS, mini-program, WeCom), then by id, whatever the order given', () => {
    const tied = [
      subscription('z-wecom', 'wecom', 'p', 1),
      subscription('y-wxa', 'wxa', 'p', 1),
      subscription('x-sms', 'sms', 'p', 1),
    ];
    expect(ids(onePerPerson(tied))).toEqual(['x-sms']);
    expect(ids(onePerPerson([...tied].reverse()))).toEqual(['x-sms']);
    const sameChannel = [subscription('m-2', 'wxa', 'q', 1), subscription('m-1', 'wxa', 'q', 1)];
    expect(ids(onePerPerson(sameChannel))).toEqual(['m-1']);
    expect(ids(onePerPerson([...sameChannel].reverse()))).toEqual(['m-1']);
  });

  it('keeps the extra fields of the chosen subscription', () => {
    const [chosen] = onePerPerson([
      { ...subscription('a-sms', 'sms', 'p', 2), lang: 'ug' },
      { ...subscription('a-wxa', 'wxa', 'p', 1), lang: 'zh' },
    ]);
    expect(chosen).toMatchObject({ subscriberId: 'a-wxa', lang: 'zh' });
  });
});

describe('one delivery per person, page by page', () => {
  const page = [
    subscription('a-sms', 'sms', 'phone:1', 1),
    subscription('b-wxa', 'wxa', null, 1),
    subscription('c-sms', 'sms', 'phone:3', 2),
    subscription('c-wxa', 'wxa', 'phone:3', 1),
  ];

  it('holds back the last person of a page, who may have more subscriptions on the next', () => {
    const { complete, held } = holdLastPerson(page, 'phone:3');
    expect(ids(complete)).toEqual(['a-sms', 'b-wxa']);
    expect(ids(held)).toEqual(['c-sms', 'c-wxa']);
  });

  it('holds back nobody when the last person of the page was not reached', () => {
    const { complete, held } = holdLastPerson(page, 'phone:9');
    expect(complete).toHaveLength(4);
    expect(held).toEqual([]);
  });

  it('names a person without a key by the subscription', () => {
    expect(personOf(subscription('b-wxa', 'wxa', null, 1))).toBe('subscriber:b-wxa');
    expect(personOf(subscription('c-wxa', 'wxa', 'phone:3', 1))).toBe('phone:3');
  });
});
