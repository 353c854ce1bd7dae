import { DynamicModule, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '@libs/common/redis/redis.module';
import { AcceptCitizenMessage } from '../../conversations/accept-citizen-message.use-case';
import { ConversationStore } from '../../conversations/conversation-store';
import { ChannelContacts } from '../channel-contacts';
import { ReceiveWxaPush } from './receive-wxa-push.use-case';
import { WXA_CHANNEL, WxaChannel, wxaChannelFor } from './wxa-channel';
import { WxaPushController } from './wxa-push.controller';
import { WxaSender } from './wxa-sender';
import { WxaSettings } from './wxa-settings';
import { WxaSubscribeMessages } from '@libs/common/vendors/wxa/wxa-subscribe-messages';

/**
 * The mini-program channel: its push route (503 while WXA_* are unset), its sender for CHANNEL_SENDERS, and its
 * subscribe messages (null while the channel is off), both exported.
 */
@Module({})
export class WxaModule {
  static forRoot(settings: WxaSettings | undefined): DynamicModule {
    return {
      module: WxaModule,
      controllers: [WxaPushController],
      providers: [
        { provide: WXA_CHANNEL, useFactory: (redis: Redis) => wxaChannelFor(settings, redis), inject: [REDIS] },
        {
          provide: WxaSubscribeMessages,
          useFactory: (wxa: WxaChannel | null) => wxa?.subscribeMessages ?? null,
          inject: [WXA_CHANNEL],
        },
        ChannelContacts,
        ConversationStore,
        AcceptCitizenMessage,
        ReceiveWxaPush,
        WxaSender,
      ],
      exports: [WxaSender, WxaSubscribeMessages],
    };
  }
}
