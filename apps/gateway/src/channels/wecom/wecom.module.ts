import { DynamicModule, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '@libs/common/redis/redis.module';
import { AcceptCitizenMessage } from '../../conversations/accept-citizen-message.use-case';
import { ConversationStore } from '../../conversations/conversation-store';
import { ChannelContacts } from '../channel-contacts';
import { ReceiveWeComCallback } from './receive-wecom-callback.use-case';
import { WeComCallbackController } from './wecom-callback.controller';
import { WECOM_CHANNEL, weComChannelFor } from './wecom-channel';
import { WeComSender } from './wecom-sender';
import { WeComSettings } from './wecom-settings';

/**
 * The WeCom self-built app channel: its callback routes (which answer 503 while WECOM_* are unset) and its
 * sender, exported for the outbound queue's CHANNEL_SENDERS.
 */
@Module({})
export class WeComModule {
  static forRoot(settings: WeComSettings | undefined): DynamicModule {
    return {
      module: WeComModule,
      controllers: [WeComCallbackController],
      providers: [
        { provide: WECOM_CHANNEL, useFactory: (redis: Redis) => weComChannelFor(settings, redis), inject: [REDIS] },
        ChannelContacts,
        ConversationStore,
        AcceptCitizenMessage,
        ReceiveWeComCallback,
        WeComSender,
      ],
      exports: [WeComSender],
    };
  }
}
