import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { ChannelCaller, ChannelKeys } from './channel-keys';

type ChannelRequest = Request & { channelCaller?: ChannelCaller };

/** Lets a request through when its X-Channel-Key header holds a key from SUBSCRIBER_CHANNEL_KEYS. */
@Injectable()
export class ChannelKeyGuard implements CanActivate {
  constructor(private readonly keys: ChannelKeys) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ChannelRequest>();
    request.channelCaller = this.keys.callerOf(request.header('x-channel-key'));
    return true;
  }
}

/** The channel service calling, on a route guarded by ChannelKeyGuard. */
export const CurrentChannel = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const caller = context.switchToHttp().getRequest<ChannelRequest>().channelCaller;
  if (!caller) throw new Error('CurrentChannel used on a route without ChannelKeyGuard');
  return caller;
});
