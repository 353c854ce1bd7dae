import { Channel } from '@libs/common/contracts/common-fields';
import { DEFAULT_MESSAGES_PER_SECOND, DEFAULT_OUTBOUND_RATE_LIMITS, parseRateLimits } from './outbound-rate-limits';

function limitsOf(text: string) {
  const parsed = parseRateLimits(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.limits;
}

describe('outbound rate limits from config', () => {
  it('reads channel=messages per second, with spaces and an empty tail tolerated', () => {
    const limits = limitsOf(' wecom=20, sms = 50 ,');
    expect(limits.messagesPerSecond('wecom')).toBe(20);
    expect(limits.messagesPerSecond('sms')).toBe(50);
  });

  it('gives a channel it does not name the default', () => {
    expect(limitsOf('sms=50').messagesPerSecond('wechat_kf')).toBe(DEFAULT_MESSAGES_PER_SECOND);
    expect(limitsOf('').messagesPerSecond('wxa')).toBe(DEFAULT_MESSAGES_PER_SECOND);
  });

  it('parses its own default', () => {
    const limits = limitsOf(DEFAULT_OUTBOUND_RATE_LIMITS);
    const channels: Channel[] = ['wecom', 'wechat_kf', 'wxa', 'sms'];
    expect(channels.map((channel) => limits.messagesPerSecond(channel))).toEqual([20, 20, 20, 50]);
  });

  it.each([
    ['an unknown channel', 'wecom=20,fax=5', 'entry 2: must be <channel>=<messages per second>'],
    ['a missing rate', 'wecom=', 'entry 1: must be <channel>=<messages per second>'],
    ['a fraction', 'sms=2.5', 'entry 1: must be <channel>=<messages per second>'],
    ['zero', 'sms=0', 'entry 1: the rate must be a whole number from 1 to 10000'],
    ['too much', 'sms=10001', 'entry 1: the rate must be a whole number from 1 to 10000'],
    ['a channel twice', 'sms=5,wecom=3,sms=6', 'entry 3: names a channel already given'],
  ])('refuses %s', (_what, text, problem) => {
    expect(parseRateLimits(text)).toEqual({ ok: false, problem });
  });
});
