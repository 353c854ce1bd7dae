import { DynamicModule, Module } from '@nestjs/common';
import { ChannelKeyGuard } from './channel-key.guard';
import { ChannelKeyList, ChannelKeys } from './channel-keys';
import { ChannelSubscribersController } from './channel-subscribers.controller';
import { SubscribersController } from './subscribers.controller';
import { Subscribers } from './subscribers';

/**
 * Alert subscriptions and their HTTP API: staff (admin) manage all of them, channel services with a key their own
 * channel's. Needs the app's DataSource, PersonalDataModule and StaffAuthModule.
 */
@Module({})
export class SubscribersModule {
  static forRoot(channelKeys: ChannelKeyList): DynamicModule {
    return {
      module: SubscribersModule,
      controllers: [SubscribersController, ChannelSubscribersController],
      providers: [Subscribers, ChannelKeyGuard, { provide: ChannelKeys, useValue: new ChannelKeys(channelKeys) }],
    };
  }
}
