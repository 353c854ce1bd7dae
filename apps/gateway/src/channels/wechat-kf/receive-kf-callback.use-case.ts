import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { ChannelOff } from '../wecom-api/callback-rejected';
import { encryptedPartOf, signedQueryOf, verifyQueryOf, xmlFieldsOf } from '../wecom-api/callback-request';
import { loggingRejection } from '../wecom-api/log-rejection';
import { readKfCallbackEvent } from './kf-callback-event';
import { PullKfMessages } from './pull-kf-messages.use-case';
import { WECHAT_KF_CHANNEL, WechatKfChannel } from './wechat-kf-channel';

/**
 * 微信客服's callback: the URL check when it is set up, then kf_msg_or_event whenever customers have written. The
 * event carries no message, only the right to pull them, which happens before the callback is answered: pulling
 * takes one or two API calls, well inside WeCom's five seconds, and a failed pull is then retried by WeCom itself.
 */
@Injectable()
export class ReceiveKfCallback {
  constructor(
    @Inject(WECHAT_KF_CHANNEL) private readonly kf: WechatKfChannel | null,
    private readonly pull: PullKfMessages,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  verifyUrl(query: unknown): Promise<string> {
    const kf = this.channel();
    return loggingRejection(this.logger, 'wechat_kf', () => {
      const { signed, echostr } = verifyQueryOf(query);
      return kf.crypto.open(signed, echostr);
    });
  }

  async receive(query: unknown, body: () => Promise<string>): Promise<void> {
    const kf = this.channel();
    const event = await loggingRejection(this.logger, 'wechat_kf', async () => {
      const plaintext = kf.crypto.open(signedQueryOf(query), encryptedPartOf(await body()));
      return readKfCallbackEvent(xmlFieldsOf(plaintext));
    });
    if (event.kind === 'skip') {
      this.logger.info({ channel: 'wechat_kf', reason: event.reason }, 'callback left unanswered');
      return;
    }
    await this.pull.execute(kf, event);
  }

  private channel(): WechatKfChannel {
    if (!this.kf) throw new ChannelOff('微信客服', 'WXKF_');
    return this.kf;
  }
}
