import { maskAddress, maskBankCard, maskIdNumber, maskName, maskPhone } from './mask';

describe('masking', () => {
  it('shows enough to recognise, not to use', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('11010119900307123X')).toBe('110101********123X');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('*');
    expect(maskBankCard('6222 0212 3456 7890 123')).toBe('****0123');
    expect(maskAddress('广东省广州市天河区体育西路101号')).toBe('广东省广州市天河区****');
    expect(maskAddress('体育西路101号')).toBe('****');
  });
});
