import { AppDatabase } from '@libs/common/database/app-database';
import { ConversationEntity } from './conversations/conversation.entity';
import { MessageEntity } from './conversations/message.entity';
import { StaffAccountEntity } from './staff/staff-account.entity';
import { CreateGatewayTables1764150000000 } from './migrations/1764150000000-CreateGatewayTables';
import { CreateChannelContacts1764260000000 } from './migrations/1764260000000-CreateChannelContacts';
import { CreateOutboundDeliveries1764270000000 } from './migrations/1764270000000-CreateOutboundDeliveries';
import { CreateWechatKfCursors1764280000000 } from './migrations/1764280000000-CreateWechatKfCursors';
import { AddReplyTicket1764290000000 } from './migrations/1764290000000-AddReplyTicket';

export const gatewayDatabase = (url: string): AppDatabase => ({
  schema: 'gateway',
  url,
  entities: [ConversationEntity, MessageEntity, StaffAccountEntity],
  migrations: [
    CreateGatewayTables1764150000000,
    CreateChannelContacts1764260000000,
    CreateOutboundDeliveries1764270000000,
    CreateWechatKfCursors1764280000000,
    AddReplyTicket1764290000000,
  ],
});
