import { Controller, Get, Header, HttpCode, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { callbackBodyOf } from '../wecom-api/callback-request';
import { ReceiveWeComCallback } from './receive-wecom-callback.use-case';

/** The URL set as the self-built app's 接收消息 callback in the WeCom admin console. */
@Controller('channels/wecom')
export class WeComCallbackController {
  constructor(private readonly receiveCallback: ReceiveWeComCallback) {}

  /** URL verification: answer the decrypted echostr, as plain text and nothing else. */
  @Get('callback')
  @Header('content-type', 'text/plain; charset=utf-8')
  verify(@Query() query: unknown): Promise<string> {
    return this.receiveCallback.verifyUrl(query);
  }

  /** A message or event: accepted, then an empty 200 (the reply goes out through message/send). */
  @Post('callback')
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  async receive(@Query() query: unknown, @Req() request: Request): Promise<string> {
    await this.receiveCallback.receive(query, () => callbackBodyOf(request));
    return '';
  }
}
