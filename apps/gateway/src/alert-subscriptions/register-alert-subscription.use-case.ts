import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { AlertSubscriptionRequestedV1 } from '@libs/common/contracts/conversation-events.v1';
import { LOGGER } from '@libs/common/logging/logging.module';
import { ChannelContacts } from '../channels/channel-contacts';
import { AlertChannel } from './alert-subscription-settings';
import { NotifierSubscribersClient, Refusal } from './notifier-subscribers-client';
import { registrationFor } from './subscription-registration';

/**
 * 订阅预警 / 取消订阅预警 asked in a conversation, carried out with the notifier: the conversation's contact gives the
 * citizen's address on the channel (decrypted here, sent only to the notifier), registered or unsubscribed with the
 * channel's key. A refusal (4xx) is logged with its reason and left; the notifier being down is thrown, so the
 * event is consumed again. Logs carry ids, channels and counts, never the address.
 */
@Injectable()
export class RegisterAlertSubscription {
  constructor(
    private readonly contacts: ChannelContacts,
    @Inject(NotifierSubscribersClient) private readonly notifier: NotifierSubscribersClient | null,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(request: AlertSubscriptionRequestedV1): Promise<void> {
    const { conversationId, action } = request;
    const channel = AlertChannel.safeParse(request.channel);
    if (!this.notifier) {
      this.logger.info(
        { conversationId, action },
        'alert subscription skipped: NOTIFIER_URL / ALERT_SUBSCRIPTION_KEYS unset',
      );
      return;
    }
    if (!channel.success || !this.notifier.hasKeyFor(channel.data)) {
      this.logger.warn(
        { conversationId, action, channel: request.channel },
        'alert subscription skipped: no key for this channel',
      );
      return;
    }
    const contact = await this.contacts.contactOf(conversationId);
    const address = contact.address;
    if (action === 'unsubscribe') {
      const outcome = await this.notifier.unsubscribe(channel.data, address);
      if (isRefusal(outcome)) return this.refused(request, outcome);
      this.logger.info(
        { conversationId, channel: channel.data, wasSubscribed: outcome.unsubscribed },
        'alert subscription removed',
      );
      return;
    }
    const existing = await this.notifier.lookup(channel.data, address);
    if (isRefusal(existing)) return this.refused(request, existing);
    if (existing?.isLinked && channel.data !== 'sms') {
      // The notifier's registration replaces the whole subscription and the gateway does not know the phone it was
      // linked by, so the link to the person's SMS subscription is lost (they may get an alert twice).
      this.logger.warn(
        { conversationId, channel: channel.data },
        'alert subscription re-registered without its phone link',
      );
    }
    const registration = registrationFor(channel.data, address, request, existing);
    const outcome = await this.notifier.register(registration);
    if (isRefusal(outcome)) return this.refused(request, outcome);
    this.logger.info(
      {
        conversationId,
        channel: channel.data,
        created: outcome.created,
        regionCount: registration.regionCodes.length,
        hasLocation: registration.location !== null,
      },
      'alert subscription registered',
    );
  }

  private refused(request: AlertSubscriptionRequestedV1, refusal: Refusal): void {
    this.logger.warn(
      {
        conversationId: request.conversationId,
        channel: request.channel,
        action: request.action,
        status: refusal.status,
        reason: refusal.reason,
      },
      'alert subscription refused by the notifier',
    );
  }
}

function isRefusal<T extends object>(outcome: T | Refusal | undefined): outcome is Refusal {
  return outcome !== undefined && 'isRefused' in outcome;
}
