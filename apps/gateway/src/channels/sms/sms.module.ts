import { DynamicModule, Module } from '@nestjs/common';
import { AcceptCitizenMessage } from '../../conversations/accept-citizen-message.use-case';
import { ConversationStore } from '../../conversations/conversation-store';
import { ChannelContacts } from '../channel-contacts';
import { AcceptSmsUplink } from './accept-sms-uplink.use-case';
import { ForwardSmsReceipts } from './forward-sms-receipts.use-case';
import { SmsCallbacksController } from './sms-callbacks.controller';
import { SMS_SETTINGS, SmsSettings } from './sms-config';
import { SmsDeliveryLog } from './sms-delivery-log';
import { SmsSender } from './sms-sender';
import { SMS_VENDORS } from '@libs/common/vendors/sms/sms-vendor';
import { smsVendorsOf } from './sms-vendors';

/**
 * The SMS channel: the vendors' callback routes (404 while SMS_CALLBACK_SECRET is unset) and the sender, exported for
 * the outbound queue's CHANNEL_SENDERS (it refuses every reply while no vendor is configured).
 */
@Module({})
export class SmsModule {
  static forRoot(settings: SmsSettings): DynamicModule {
    return {
      module: SmsModule,
      controllers: [SmsCallbacksController],
      providers: [
        { provide: SMS_SETTINGS, useValue: settings },
        { provide: SMS_VENDORS, useFactory: () => smsVendorsOf(settings) },
        ChannelContacts,
        ConversationStore,
        AcceptCitizenMessage,
        AcceptSmsUplink,
        ForwardSmsReceipts,
        SmsDeliveryLog,
        SmsSender,
      ],
      exports: [SmsSender],
    };
  }
}
