import { redactText, redactValue } from './redact';

describe('redaction of personal data in logs', () => {
  it('masks mobile numbers, resident ID numbers and bank cards inside any text', () => {
    expect(redactText('请拨打13812345678联系')).toBe('请拨打138****5678联系');
    expect(redactText('+8613800138000 与 8613800138000')).toBe('+86138****8000 与 86138****8000');
    expect(redactText('电话 138 0013 8000 或 +86-138-0013-8000')).toBe('电话 138****8000 或 +86-138****8000');
    expect(redactText('身份证 11010119900307123X 号')).toBe('身份证 110101********123X 号');
    expect(redactText('卡号6222021234567890123')).toBe('卡号****0123');
  });

  it('leaves ordinary numbers alone', () => {
    expect(redactText('工单号 GD20261126000001，5个工作日，邮编510620')).toBe(
      '工单号 GD20261126000001，5个工作日，邮编510620',
    );
  });

  it('replaces known personal fields whole, at any depth, and masks the rest', () => {
    const redacted = redactValue({
      ticketNo: 'GD20261126000001',
      citizen: { realName: '张三', phone: '13812345678', note: '备用电话13987654321' },
      text: '我要投诉',
    });
    expect(redacted).toEqual({
      ticketNo: 'GD20261126000001',
      citizen: { realName: '[redacted]', phone: '[redacted]', note: '备用电话139****4321' },
      text: '[redacted]',
    });
  });

  it('masks personal data in error messages and stacks', () => {
    const redacted = redactValue({ err: new Error('duplicate key 13812345678') }) as {
      err: { message: string; stack: string };
    };
    expect(redacted.err.message).toBe('duplicate key 138****5678');
    expect(redacted.err.stack).not.toContain('13812345678');
  });
});
