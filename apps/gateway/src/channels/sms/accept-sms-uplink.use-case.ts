import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { LOGGER } from '@libs/common/logging/logging.module';
import { BlindIndex } from '@libs/common/pii/blind-index';
import { AcceptCitizenMessage } from '../../conversations/accept-citizen-message.use-case';
import { ChannelContacts } from '../channel-contacts';
import { SmsUplink } from './sms-callback-bodies';
import { SMS_SETTINGS, SmsSettings } from './sms-config';
import { isUnsubscribeRequest } from './sms-text';

export type UplinkOutcome = 'accepted' | 'duplicate' | 'unsubscribe';

/**
 * A citizen's SMS to us: their conversation (found by the number's blind index, opened on their first SMS) gets the
 * text as a citizen message. A vendor's retry of the same uplink has the same platform message id and is dropped.
 * An unsubscribe word is not answered: the vendor blacklists the number, and a reply could not reach it anyway.
 */
@Injectable()
export class AcceptSmsUplink {
  constructor(
    private readonly contacts: ChannelContacts,
    private readonly acceptCitizenMessage: AcceptCitizenMessage,
    private readonly blindIndex: BlindIndex,
    @Inject(SMS_SETTINGS) private readonly settings: SmsSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(uplink: SmsUplink): Promise<UplinkOutcome> {
    if (isUnsubscribeRequest(uplink.text)) {
      this.logger.info({ vendor: uplink.vendor }, 'sms unsubscribe word received: not answered');
      return 'unsubscribe';
    }
    // The account is the sign the citizen answered (the same sign on both vendors keeps one conversation).
    const account = uplink.sign ?? this.settings.signName ?? 'sms';
    const contact = await this.contacts.conversationOf('sms', account, uplink.address);
    const accepted = await this.acceptCitizenMessage.execute({
      kind: 'text',
      channel: 'sms',
      conversationId: contact.conversationId,
      citizenId: contact.citizenId,
      platformMessageId: this.platformMessageIdOf(uplink),
      text: uplink.text,
    });
    this.logger.info(
      {
        conversationId: contact.conversationId,
        messageId: accepted.messageId,
        vendor: uplink.vendor,
        isDuplicate: accepted.isDuplicate,
      },
      'sms uplink accepted',
    );
    return accepted.isDuplicate ? 'duplicate' : 'accepted';
  }

  /**
   * Aliyun numbers its uplinks; Tencent does not, so the id is built from what a retry repeats: its time, and a keyed
   * fingerprint of the number, sub-port, sign and text (the platform id is stored in clear, so nothing personal is).
   */
  private platformMessageIdOf(uplink: SmsUplink): string {
    if (uplink.vendorId) return `${uplink.vendor}:${uplink.vendorId}`.slice(0, 128);
    const fingerprint = this.blindIndex.ofExact(
      'sms-uplink',
      [uplink.address, uplink.sentAt, uplink.subPort ?? '', uplink.sign ?? '', uplink.text].join('\u0000'),
    );
    return `${uplink.vendor}:${uplink.sentAt.slice(0, 40)}:${fingerprint.slice(0, 22)}`;
  }
}
