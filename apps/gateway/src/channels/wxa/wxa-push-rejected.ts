import type { Logger } from 'pino';
import { DomainError } from '@libs/common/errors/domain-error';
import { CallbackRejected } from '../wecom-api/callback-rejected';

/** Why a push was refused, beyond the checks it shares with WeCom's callbacks (signature, ciphertext, receiver). */
export type WxaRejectionReason = 'plaintext_push' | 'bad_body' | 'malformed_json' | 'bad_signature';

const ANSWER: Record<WxaRejectionReason, { kind: 'invalid' | 'forbidden'; message: string }> = {
  plaintext_push: { kind: 'invalid', message: '仅接受安全模式（encrypt_type=aes）的消息推送' },
  bad_body: { kind: 'invalid', message: '推送请求体不是 JSON 或 XML' },
  malformed_json: { kind: 'invalid', message: '消息 JSON 格式错误' },
  bad_signature: { kind: 'forbidden', message: '签名校验失败' },
};

/** A mini-program push that is not genuinely from WeChat, or cannot be read: 4xx, and nothing is produced. */
export class WxaPushRejected extends DomainError {
  constructor(readonly reason: WxaRejectionReason) {
    super(ANSWER[reason].kind, ANSWER[reason].message);
  }
}

/** Runs a push's checks and logs a refusal with its reason only (never the query, the body or anything decrypted). */
export async function loggingWxaRejection<T>(logger: Logger, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof CallbackRejected || error instanceof WxaPushRejected) {
      logger.warn({ channel: 'wxa', reason: error.reason }, 'callback rejected');
    }
    throw error;
  }
}
