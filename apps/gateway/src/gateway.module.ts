import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { StaffAuthModule } from '@libs/common/auth/staff-auth.module';
import { databaseModule } from '@libs/common/database/database.module';
import { HealthModule } from '@libs/common/health/health.module';
import { KafkaModule } from '@libs/common/kafka/kafka.module';
import { LoggingModule } from '@libs/common/logging/logging.module';
import { PersonalDataModule } from '@libs/common/pii/personal-data.module';
import { RedisModule } from '@libs/common/redis/redis.module';
import { AlertSubscriptionHandler } from './alert-subscriptions/alert-subscription.handler';
import { alertSubscriptionProviders } from './alert-subscriptions/alert-subscription.providers';
import { ChannelContacts } from './channels/channel-contacts';
import { CHANNEL_SENDERS, ChannelSender } from './channels/channel-sender';
import { smsSettingsOf } from './channels/sms/sms-config';
import { SmsModule } from './channels/sms/sms.module';
import { SmsSender } from './channels/sms/sms-sender';
import { KfHandoffHandler } from './channels/wechat-kf/kf-handoff.handler';
import { WechatKfModule } from './channels/wechat-kf/wechat-kf.module';
import { WechatKfSender } from './channels/wechat-kf/wechat-kf-sender';
import { wechatKfSettingsFrom } from './channels/wechat-kf/wechat-kf-settings';
import { WxaModule } from './channels/wxa/wxa.module';
import { WxaSender } from './channels/wxa/wxa-sender';
import { wxaSettingsFrom } from './channels/wxa/wxa-settings';
import { WeComModule } from './channels/wecom/wecom.module';
import { WeComSender } from './channels/wecom/wecom-sender';
import { wecomSettingsFrom } from './channels/wecom/wecom-settings';
import { GATEWAY_CONFIG, GatewayConfig } from './config';
import { AcceptCitizenMessage } from './conversations/accept-citizen-message.use-case';
import { ConversationStore } from './conversations/conversation-store';
import { ConversationsController } from './conversations/conversations.controller';
import { gatewayDatabase } from './database';
import { DeadLettersController } from './outbound/dead-letters.controller';
import { EnqueueReply } from './outbound/enqueue-reply.use-case';
import { OutboundDeliveries } from './outbound/outbound-deliveries';
import { OutboundQueues } from './outbound/outbound-queues';
import { OUTBOUND_SETTINGS, outboundSettingsFrom } from './outbound/outbound-settings';
import { RetryDeadLetter } from './outbound/retry-dead-letter.use-case';
import { SendNextReply } from './outbound/send-next-reply.use-case';
import { DeliverReply } from './replies/deliver-reply.use-case';
import { RepliesHandler } from './replies/replies.handler';
import { AuthController } from './staff/auth.controller';
import { LogIn } from './staff/log-in.use-case';
import { ChatSocketGateway } from './webchat/chat-socket.gateway';
import { SendChatMessage } from './webchat/send-chat-message.use-case';
import { SessionFeed } from './webchat/session-feed';
import { WebChatController } from './webchat/webchat.controller';

export const GATEWAY_GROUP_ID = 'gateway';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, logger: Logger): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        LoggingModule.forRoot(logger),
        databaseModule(gatewayDatabase(config.DATABASE_URL)),
        RedisModule.forRoot(config.REDIS_URL, 'gateway'),
        KafkaModule.forRoot({ clientId: 'gateway', groupId: GATEWAY_GROUP_ID, brokers: config.KAFKA_BROKERS }),
        PersonalDataModule.forRoot(config),
        StaffAuthModule.forRoot(config.JWT_SECRET),
        HealthModule,
        WeComModule.forRoot(wecomSettingsFrom(config)),
        WechatKfModule.forRoot(wechatKfSettingsFrom(config)),
        SmsModule.forRoot(smsSettingsOf(config)),
        WxaModule.forRoot(wxaSettingsFrom(config)),
      ],
      controllers: [
        WebChatController,
        RepliesHandler,
        AuthController,
        ConversationsController,
        DeadLettersController,
        KfHandoffHandler,
        AlertSubscriptionHandler,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        ConversationStore,
        AcceptCitizenMessage,
        SessionFeed,
        SendChatMessage,
        ChatSocketGateway,
        DeliverReply,
        LogIn,
        ChannelContacts,
        // The channel adapters add their sender classes to inject (each one also in providers).
        {
          provide: CHANNEL_SENDERS,
          useFactory: (...senders: ChannelSender[]) => senders,
          inject: [SmsSender, WeComSender, WechatKfSender, WxaSender],
        },
        { provide: OUTBOUND_SETTINGS, useValue: outboundSettingsFrom(config) },
        OutboundDeliveries,
        SendNextReply,
        OutboundQueues,
        EnqueueReply,
        RetryDeadLetter,
        ...alertSubscriptionProviders(config),
      ],
    };
  }
}
