import { CardFieldList } from './wxa-card-fields';

describe('CardFieldList (ALERT_WXA_TEMPLATE_FIELDS)', () => {
  it('reads template keys and what each shows', () => {
    expect(CardFieldList.parse('thing2:event, time5:sent ,thing7:sender')).toEqual([
      { key: 'thing2', source: 'event' },
      { key: 'time5', source: 'sent' },
      { key: 'thing7', source: 'sender' },
    ]);
  });

  it('falls back to headline, sent time and instruction when unset or empty', () => {
    const fallback = [
      { key: 'thing1', source: 'headline' },
      { key: 'time2', source: 'sent' },
      { key: 'thing3', source: 'instruction' },
    ];
    expect(CardFieldList.parse(undefined)).toEqual(fallback);
    expect(CardFieldList.parse('')).toEqual(fallback);
  });

  it.each(['thing1', 'thing1:colour', 'Thing1:headline', 'thing:headline', 'thing1:headline,thing1:event'])(
    'refuses %s',
    (value) => {
      expect(CardFieldList.safeParse(value).success).toBe(false);
    },
  );
});
