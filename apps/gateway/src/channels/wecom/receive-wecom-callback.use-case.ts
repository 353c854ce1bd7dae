import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { AcceptCitizenMessage } from '../../conversations/accept-citizen-message.use-case';
import { ChannelContacts } from '../channel-contacts';
import { ChannelOff } from '../wecom-api/callback-rejected';
import { encryptedPartOf, signedQueryOf, verifyQueryOf, xmlFieldsOf } from '../wecom-api/callback-request';
import { loggingRejection } from '../wecom-api/log-rejection';
import { WECOM_CHANNEL, WeComChannel } from './wecom-channel';
import { readWeComMessage } from './wecom-message';

/**
 * The self-built app's callback: the URL check when the callback is set up, then every message a member sends the
 * app. Only a genuine, readable message gets past the checks; it is stored and handed to dialogue, and the answer
 * goes back through message/send later, so WeCom's five seconds are never at risk.
 */
@Injectable()
export class ReceiveWeComCallback {
  constructor(
    @Inject(WECOM_CHANNEL) private readonly wecom: WeComChannel | null,
    private readonly contacts: ChannelContacts,
    private readonly accept: AcceptCitizenMessage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The decrypted echostr, which WeCom expects back as the whole response body. */
  verifyUrl(query: unknown): Promise<string> {
    const wecom = this.channel();
    return loggingRejection(this.logger, 'wecom', () => {
      const { signed, echostr } = verifyQueryOf(query);
      return wecom.crypto.open(signed, echostr);
    });
  }

  async receive(query: unknown, body: () => Promise<string>): Promise<void> {
    const wecom = this.channel();
    const reading = await loggingRejection(this.logger, 'wecom', async () => {
      const plaintext = wecom.crypto.open(signedQueryOf(query), encryptedPartOf(await body()));
      return readWeComMessage(xmlFieldsOf(plaintext), wecom.settings.agentId);
    });
    if (reading.kind === 'skip') {
      this.logger.info({ channel: 'wecom', reason: reading.reason }, 'callback left unanswered');
      return;
    }
    const account = String(wecom.settings.agentId);
    const contact = await this.contacts.conversationOf('wecom', account, reading.sender);
    const { messageId, isDuplicate } = await this.accept.execute({
      channel: 'wecom',
      conversationId: contact.conversationId,
      citizenId: contact.citizenId,
      platformMessageId: reading.platformMessageId,
      ...reading.content,
    });
    this.logger.info(
      { channel: 'wecom', conversationId: contact.conversationId, messageId, kind: reading.content.kind, isDuplicate },
      'callback accepted',
    );
  }

  private channel(): WeComChannel {
    if (!this.wecom) throw new ChannelOff('企业微信自建应用', 'WECOM_');
    return this.wecom;
  }
}
