import { maskSubscriberAddress, normaliseAddress, normalisePhone } from './subscriber-address';

describe('subscriber addresses', () => {
  it('writes a mobile number one way however it was typed', () => {
    expect(normalisePhone('13812345678')).toBe('13812345678');
    expect(normalisePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalisePhone('0086 13812345678')).toBe('13812345678');
  });

  it('refuses what is not a mainland mobile number', () => {
    expect(normalisePhone('1381234567')).toBeUndefined(); // 10 digits
    expect(normalisePhone('12812345678')).toBeUndefined(); // no 12x mobile prefix
    expect(normalisePhone('020-12345678')).toBeUndefined(); // a landline
    expect(normalisePhone('1381234567a')).toBeUndefined();
  });

  it('checks each channel by its own kind of address', () => {
    expect(normaliseAddress('sms', ' 138 1234 5678 ')).toBe('13812345678');
    expect(normaliseAddress('wxa', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')).toBe('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o');
    expect(normaliseAddress('wxa', '13812345678')).toBeUndefined(); // too short for an openid
    expect(normaliseAddress('wecom', 'ZhangSan')).toBe('ZhangSan');
    expect(normaliseAddress('wecom', 'zhang san')).toBeUndefined();
    expect(normaliseAddress('sms', 'ZhangSan')).toBeUndefined();
  });

  it('masks an address so it can be recognised, not used', () => {
    expect(maskSubscriberAddress('sms', '13812345678')).toBe('138****5678');
    expect(maskSubscriberAddress('wxa', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')).toBe('oUpF****eS6o');
    expect(maskSubscriberAddress('wecom', 'ZhangSan')).toBe('Zh****');
    expect(maskSubscriberAddress('wecom', 'Z')).toBe('****');
  });
});
