import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { AcceptCitizenMessage } from '../../conversations/accept-citizen-message.use-case';
import { ChannelContacts } from '../channel-contacts';
import { ChannelOff } from '../wecom-api/callback-rejected';
import { encryptedPartOfPush, pushFieldsOf, pushQueryOf, verifiedEchostr } from './wxa-push-request';
import { loggingWxaRejection } from './wxa-push-rejected';
import { WXA_CHANNEL, WxaChannel } from './wxa-channel';
import { readWxaMessage } from './wxa-message';

/**
 * The mini-program's message push (消息推送): the server check when the URL is saved, then every customer-service
 * message a user sends from the mini-program, in safe mode, JSON or XML. Only a genuine, readable message gets past
 * the checks; it is stored (once per MsgId) and handed to dialogue, and the answer goes back later through
 * message/custom/send, so WeChat's five seconds are never at risk.
 */
@Injectable()
export class ReceiveWxaPush {
  constructor(
    @Inject(WXA_CHANNEL) private readonly wxa: WxaChannel | null,
    private readonly contacts: ChannelContacts,
    private readonly accept: AcceptCitizenMessage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The echostr, which WeChat expects back as the whole response body. */
  verifyUrl(query: unknown): Promise<string> {
    const wxa = this.channel();
    return loggingWxaRejection(this.logger, () => verifiedEchostr(query, wxa.settings.token));
  }

  /** `body`: the request body as the HTTP layer left it (an object for JSON, text for XML), or read raw. */
  async receive(query: unknown, body: () => Promise<unknown>): Promise<void> {
    const wxa = this.channel();
    const reading = await loggingWxaRejection(this.logger, async () => {
      const plaintext = wxa.crypto.open(pushQueryOf(query), encryptedPartOfPush(await body()));
      return readWxaMessage(pushFieldsOf(plaintext));
    });
    if (reading.kind === 'skip') {
      this.logger.info({ channel: 'wxa', reason: reading.reason }, 'callback left unanswered');
      return;
    }
    const contact = await this.contacts.conversationOf('wxa', wxa.settings.appId, reading.sender);
    const { messageId, isDuplicate } = await this.accept.execute({
      channel: 'wxa',
      conversationId: contact.conversationId,
      citizenId: contact.citizenId,
      platformMessageId: reading.platformMessageId,
      ...reading.content,
    });
    this.logger.info(
      { channel: 'wxa', conversationId: contact.conversationId, messageId, kind: reading.content.kind, isDuplicate },
      'callback accepted',
    );
  }

  private channel(): WxaChannel {
    if (!this.wxa) throw new ChannelOff('小程序', 'WXA_');
    return this.wxa;
  }
}
