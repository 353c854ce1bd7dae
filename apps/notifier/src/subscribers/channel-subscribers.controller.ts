import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { DomainError } from '@libs/common/errors/domain-error';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { ChannelKeyGuard, CurrentChannel } from './channel-key.guard';
import { ChannelCaller } from './channel-keys';
import { SubscriberAddress, SubscriberRegistration } from './subscriber-registration';
import { Subscribers } from './subscribers';

/**
 * For the services that sign citizens up on a channel's behalf (订阅预警 in the mini-program, an SMS opt-in): each
 * holds a key for its own channel (SUBSCRIBER_CHANNEL_KEYS) and can register, look up and unsubscribe addresses on
 * that channel only. No listing and no ids: a channel can reach only the addresses it already knows.
 */
@Controller('api/v1/channel-subscribers')
@UseGuards(ChannelKeyGuard)
export class ChannelSubscribersController {
  constructor(private readonly subscribers: Subscribers) {}

  @Post()
  @HttpCode(200)
  async register(
    @CurrentChannel() caller: ChannelCaller,
    @Body(new ZodPipe(SubscriberRegistration)) registration: SubscriberRegistration,
  ) {
    onOwnChannel(caller, registration);
    const { subscriber, isNew } = await this.subscribers.register(registration);
    return { subscriber, created: isNew };
  }

  @Post('lookup')
  @HttpCode(200)
  async lookup(
    @CurrentChannel() caller: ChannelCaller,
    @Body(new ZodPipe(SubscriberAddress)) target: SubscriberAddress,
  ) {
    onOwnChannel(caller, target);
    return { subscriber: await this.subscribers.getByAddress(target) };
  }

  @Post('unsubscribe')
  @HttpCode(200)
  async unsubscribe(
    @CurrentChannel() caller: ChannelCaller,
    @Body(new ZodPipe(SubscriberAddress)) target: SubscriberAddress,
  ) {
    onOwnChannel(caller, target);
    return { unsubscribed: await this.subscribers.removeByAddress(target) };
  }
}

function onOwnChannel(caller: ChannelCaller, target: { channel: string }): void {
  if (target.channel !== caller.channel) {
    throw new DomainError(
      'forbidden',
      `此渠道密钥只能管理 ${caller.channel} 渠道的订阅，不能管理 ${target.channel} 渠道的订阅`,
    );
  }
}
