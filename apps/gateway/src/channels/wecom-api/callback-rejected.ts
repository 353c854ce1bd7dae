import { DomainError } from '@libs/common/errors/domain-error';

/** Why a callback was refused: logged as it is (no personal data in it), and told to the caller in a few words. */
export type RejectionReason =
  'bad_query' | 'bad_body' | 'bad_signature' | 'bad_ciphertext' | 'wrong_receiver' | 'malformed_xml' | 'bad_message';

const ANSWER: Record<RejectionReason, { kind: 'invalid' | 'forbidden'; message: string }> = {
  bad_query: { kind: 'invalid', message: '回调参数不完整或格式不正确' },
  bad_body: { kind: 'invalid', message: '回调请求体不是 XML' },
  bad_signature: { kind: 'forbidden', message: '签名校验失败' },
  bad_ciphertext: { kind: 'invalid', message: '密文无法解密' },
  wrong_receiver: { kind: 'forbidden', message: '消息接收方与本服务不符' },
  malformed_xml: { kind: 'invalid', message: '消息 XML 格式错误' },
  bad_message: { kind: 'invalid', message: '消息内容不完整' },
};

/** A callback that is not genuinely from the platform, or cannot be read: 4xx, and nothing is produced. */
export class CallbackRejected extends DomainError {
  constructor(readonly reason: RejectionReason) {
    super(ANSWER[reason].kind, ANSWER[reason].message);
  }
}

/** The adapter's settings are not all set: its routes say so instead of pretending to work. */
export class ChannelOff extends DomainError {
  constructor(label: string, prefix: string) {
    super('unavailable', `${label}渠道未启用：请设置全部 ${prefix}* 配置项`);
  }
}
