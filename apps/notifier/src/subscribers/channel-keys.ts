import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '@libs/common/errors/domain-error';
import { SubscriberChannel } from './subscriber-channel';

/**
 * SUBSCRIBER_CHANNEL_KEYS="wxa:<key>,sms:<key>": the services that register citizens on a channel's behalf (the
 * mini-program's server after wx.login, the SMS opt-in service, the gateway) each hold a key for their channel and
 * may manage that channel's subscriptions only. None configured (the default): only staff can register anyone.
 */
export const ChannelKeyList = z
  .string()
  .default('')
  .transform((list, ctx) => {
    const keys: Array<{ channel: SubscriberChannel; key: string }> = [];
    for (const entry of list.split(',').map((part) => part.trim())) {
      if (entry === '') continue;
      const [channel, key] = entry.split(':');
      const parsedChannel = SubscriberChannel.safeParse(channel);
      if (!parsedChannel.success || !/^[A-Za-z0-9_-]{24,128}$/.test(key ?? '')) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be channel:key pairs, comma-separated; channel sms, wxa or wecom; key 24 to 128 of A-Z a-z 0-9 _ -',
        });
        return z.NEVER;
      }
      keys.push({ channel: parsedChannel.data, key });
    }
    return keys;
  });
export type ChannelKeyList = z.infer<typeof ChannelKeyList>;

/** A channel service as the API knows it: its channel and a short fingerprint of its key, never the key. */
export interface ChannelCaller {
  channel: SubscriberChannel;
  client: string;
}

/** Keys are compared as SHA-256 digests in constant time, every one of them, so timing tells nothing. */
export class ChannelKeys {
  private readonly known: Array<{ channel: SubscriberChannel; digest: Buffer }>;

  constructor(keys: ChannelKeyList) {
    this.known = keys.map(({ channel, key }) => ({ channel, digest: digest(key) }));
  }

  /** The channel this key was given for; throws unauthorized for a missing or unknown key. */
  callerOf(candidate: unknown): ChannelCaller {
    if (typeof candidate !== 'string' || candidate === '') {
      throw new DomainError('unauthorized', '需要渠道密钥：请在 X-Channel-Key 头中提供本平台为该渠道分配的密钥');
    }
    const presented = digest(candidate);
    const match = this.known.reduce<SubscriberChannel | undefined>(
      (found, key) => (timingSafeEqual(key.digest, presented) ? key.channel : found),
      undefined,
    );
    if (!match) throw new DomainError('unauthorized', '渠道密钥无效或已停用，请向平台管理员确认');
    return { channel: match, client: presented.toString('hex').slice(0, 12) };
  }
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}
