import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { Channel } from '@libs/common/contracts/common-fields';
import { DomainError } from '@libs/common/errors/domain-error';
import { LOGGER } from '@libs/common/logging/logging.module';
import { ChannelContacts } from '../channels/channel-contacts';
import { CHANNEL_SENDERS, ChannelSender, DeliveryFailed } from '../channels/channel-sender';
import { afterFailure, describeFailure, FailureView } from './delivery-policy';
import { ClaimedDelivery, OutboundDeliveries } from './outbound-deliveries';
import { outboundMetrics } from './outbound-metrics';
import { OUTBOUND_SETTINGS, OutboundSettings } from './outbound-settings';

/** What one step of a conversation's queue came to. `later`: the job should come back at `at`. */
export type SendOutcome =
  | { kind: 'idle' }
  | { kind: 'sent' | 'dead'; messageId: string }
  | { kind: 'later'; at: Date; reason: 'backoff' | 'busy' };

class NoSenderForChannel extends DomainError {
  constructor(channel: Channel) {
    super('unprocessable', `no sender for channel ${channel} in this gateway`);
  }
}

const LEASE_LAPSED: FailureView = {
  retryable: false,
  errorText: 'the worker sending it stopped without an outcome on its last attempt',
};

/**
 * Sends the oldest open reply of a conversation, or says why not now. One reply per step: every reply enqueued
 * brings its own job, so the queue's rate limit counts vendor calls, and replies behind a failing one wait for it.
 */
@Injectable()
export class SendNextReply {
  private readonly senders: ReadonlyMap<Channel, ChannelSender>;

  constructor(
    private readonly deliveries: OutboundDeliveries,
    private readonly contacts: ChannelContacts,
    @Inject(CHANNEL_SENDERS) senders: ChannelSender[],
    @Inject(OUTBOUND_SETTINGS) private readonly settings: OutboundSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.senders = sendersByChannel(senders);
  }

  async execute(conversationId: string): Promise<SendOutcome> {
    const claim = await this.deliveries.claimHead(conversationId, this.settings.maxAttempts, this.settings.leaseMs);
    if (claim.kind === 'idle') return { kind: 'idle' };
    if (claim.kind === 'wait') return { kind: 'later', at: claim.until, reason: 'backoff' };
    if (claim.kind === 'busy') return { kind: 'later', at: claim.until, reason: 'busy' };
    if (claim.kind === 'abandoned') return this.giveUp(claim.delivery, LEASE_LAPSED);
    const delivery = claim.delivery;
    const attempt = await this.attempt(delivery);
    if (attempt.ok) return this.sent(delivery, attempt.platformMessageId);
    const failure = describeFailure(attempt.error);
    const next = afterFailure(
      failure,
      delivery.attempts,
      this.settings.maxAttempts,
      this.settings.backoff,
      Math.random,
    );
    if (next.kind === 'dead') return this.giveUp(delivery, failure);
    const at = await this.deliveries.markRetry(delivery, next.delayMs, failure);
    outboundMetrics.attempts.inc({ channel: delivery.channel, outcome: 'failed' });
    this.logger.warn(
      { ...logFields(delivery), vendorCode: failure.vendorCode, error: failure.errorText, retryInMs: next.delayMs },
      'reply delivery failed; will retry',
    );
    return { kind: 'later', at: at ?? new Date(Date.now() + next.delayMs), reason: 'backoff' };
  }

  private async attempt(
    delivery: ClaimedDelivery,
  ): Promise<{ ok: true; platformMessageId?: string } | { ok: false; error: unknown }> {
    try {
      const sender = this.senders.get(delivery.channel);
      if (!sender) throw new NoSenderForChannel(delivery.channel);
      const [contact, content] = await Promise.all([
        this.contacts.contactOf(delivery.conversationId),
        this.deliveries.contentOf(delivery.messageId),
      ]);
      const result = await withTimeout(
        sender.send({ messageId: delivery.messageId, conversationId: delivery.conversationId, contact, ...content }),
        this.settings.sendTimeoutMs,
      );
      return { ok: true, ...(result.platformMessageId ? { platformMessageId: result.platformMessageId } : {}) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private async sent(delivery: ClaimedDelivery, platformMessageId: string | undefined): Promise<SendOutcome> {
    const isStillOurs = await this.deliveries.markSent(delivery, platformMessageId);
    if (!isStillOurs) this.logger.warn(logFields(delivery), 'reply sent after its lease lapsed; it may arrive twice');
    outboundMetrics.attempts.inc({ channel: delivery.channel, outcome: 'sent' });
    outboundMetrics.delaySeconds.observe(
      { channel: delivery.channel },
      (Date.now() - delivery.createdAt.getTime()) / 1000,
    );
    this.logger.info(logFields(delivery), 'reply delivered');
    return { kind: 'sent', messageId: delivery.messageId };
  }

  private async giveUp(delivery: ClaimedDelivery, failure: FailureView): Promise<SendOutcome> {
    await this.deliveries.markDead(delivery, failure);
    outboundMetrics.attempts.inc({ channel: delivery.channel, outcome: 'dead' });
    this.logger.error(
      { ...logFields(delivery), vendorCode: failure.vendorCode, error: failure.errorText },
      'reply delivery given up; it is in the dead letters',
    );
    return { kind: 'dead', messageId: delivery.messageId };
  }
}

export function sendersByChannel(senders: ChannelSender[]): ReadonlyMap<Channel, ChannelSender> {
  const byChannel = new Map<Channel, ChannelSender>();
  for (const sender of senders) {
    if (byChannel.has(sender.channel)) throw new Error(`two senders for channel ${sender.channel}`);
    byChannel.set(sender.channel, sender);
  }
  return byChannel;
}

function logFields(delivery: ClaimedDelivery) {
  return {
    channel: delivery.channel,
    conversationId: delivery.conversationId,
    messageId: delivery.messageId,
    attempt: delivery.attempts,
  };
}

/** The vendor call gives up after `timeoutMs` (the request may still land: the next attempt carries the same id). */
async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeliveryFailed(`no answer from the vendor within ${timeoutMs} ms`, true)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
