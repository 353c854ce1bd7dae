import { DynamicModule, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '@libs/common/redis/redis.module';
import { AcceptCitizenMessage } from '../../conversations/accept-citizen-message.use-case';
import { ConversationStore } from '../../conversations/conversation-store';
import { ChannelContacts } from '../channel-contacts';
import { KfCursors } from './kf-cursors';
import { PullKfMessages } from './pull-kf-messages.use-case';
import { ReceiveKfCallback } from './receive-kf-callback.use-case';
import { WECHAT_KF_CHANNEL, WechatKfChannel, wechatKfChannelFor } from './wechat-kf-channel';
import { WechatKfCallbackController } from './wechat-kf-callback.controller';
import { WechatKfHandover } from './wechat-kf-handover';
import { WechatKfSender } from './wechat-kf-sender';
import { WechatKfSettings } from './wechat-kf-settings';

/**
 * The 微信客服 channel: its callback routes (503 while WXKF_* are unset), its sender for CHANNEL_SENDERS, and the
 * hand-over to servicers (null while the channel is off), both exported.
 */
@Module({})
export class WechatKfModule {
  static forRoot(settings: WechatKfSettings | undefined): DynamicModule {
    return {
      module: WechatKfModule,
      controllers: [WechatKfCallbackController],
      providers: [
        {
          provide: WECHAT_KF_CHANNEL,
          useFactory: (redis: Redis) => wechatKfChannelFor(settings, redis),
          inject: [REDIS],
        },
        {
          provide: WechatKfHandover,
          useFactory: (kf: WechatKfChannel | null) => (kf ? new WechatKfHandover(kf.api) : null),
          inject: [WECHAT_KF_CHANNEL],
        },
        ChannelContacts,
        ConversationStore,
        AcceptCitizenMessage,
        KfCursors,
        PullKfMessages,
        ReceiveKfCallback,
        WechatKfSender,
      ],
      exports: [WechatKfSender, WechatKfHandover],
    };
  }
}
