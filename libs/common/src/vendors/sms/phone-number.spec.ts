import { aliyunPhoneNumber, e164FromAliyun, e164FromParts, isE164 } from './phone-number';

describe('phone numbers in E.164', () => {
  it('joins Tencent’s country code and number', () => {
    expect(e164FromParts('86', '13800138000')).toBe('+8613800138000');
    expect(e164FromParts('852', '61234567')).toBe('+85261234567');
    expect(e164FromParts('', '13800138000')).toBe('+8613800138000');
  });

  it('keeps a number Tencent already sent in E.164', () => {
    expect(e164FromParts('86', '+8613800138000')).toBe('+8613800138000');
  });

  it('refuses what is not a number', () => {
    expect(e164FromParts('86', '138abc')).toBeUndefined();
    expect(e164FromParts('86', '')).toBeUndefined();
    expect(e164FromAliyun('1381111****')).toBeUndefined();
    expect(isE164('+0123456789')).toBe(false);
  });

  it('reads Aliyun’s mainland, prefixed and international forms', () => {
    expect(e164FromAliyun('13800138000')).toBe('+8613800138000');
    expect(e164FromAliyun('8613800138000')).toBe('+8613800138000');
    expect(e164FromAliyun('0085261234567')).toBe('+85261234567');
    expect(e164FromAliyun('+85261234567')).toBe('+85261234567');
  });

  it('gives Aliyun 11 digits for the mainland and country code + number elsewhere', () => {
    expect(aliyunPhoneNumber('+8613800138000')).toBe('13800138000');
    expect(aliyunPhoneNumber('+85261234567')).toBe('85261234567');
  });
});
