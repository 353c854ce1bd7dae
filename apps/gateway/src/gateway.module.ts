import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { StaffAuthModule } from '@libs/common/auth/staff-auth.module';
import { databaseModule } from '@libs/common/database/database.module';
import { HealthModule } from '@libs/common/health/health.module';
import { KafkaModule } from '@libs/common/kafka/kafka.module';
import { LoggingModule } from '@libs/common/logging/logging.module';
import { PersonalDataModule } from '@libs/common/pii/personal-data.module';
import { RedisModule } from '@libs/common/redis/redis.module';
import { GATEWAY_CONFIG, GatewayConfig } from './config';
import { AcceptCitizenMessage } from './conversations/accept-citizen-message.use-case';
import { ConversationStore } from './conversations/conversation-store';
import { ConversationsController } from './conversations/conversations.controller';
import { gatewayDatabase } from './database';
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
      ],
      controllers: [WebChatController, RepliesHandler, AuthController, ConversationsController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        ConversationStore,
        AcceptCitizenMessage,
        SessionFeed,
        SendChatMessage,
        ChatSocketGateway,
        DeliverReply,
        LogIn,
      ],
    };
  }
}
