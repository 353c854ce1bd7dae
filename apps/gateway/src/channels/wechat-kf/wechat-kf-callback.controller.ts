import { Controller, Get, Header, HttpCode, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { callbackBodyOf } from '../wecom-api/callback-request';
import { ReceiveKfCallback } from './receive-kf-callback.use-case';

/** The URL set as 微信客服's callback (回调配置) in the WeCom admin console. */
@Controller('channels/wechat-kf')
export class WechatKfCallbackController {
  constructor(private readonly receiveCallback: ReceiveKfCallback) {}

  /** URL verification: answer the decrypted echostr, as plain text and nothing else. */
  @Get('callback')
  @Header('content-type', 'text/plain; charset=utf-8')
  verify(@Query() query: unknown): Promise<string> {
    return this.receiveCallback.verifyUrl(query);
  }

  /** kf_msg_or_event: the new messages are pulled and accepted, then an empty 200. */
  @Post('callback')
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  async receive(@Query() query: unknown, @Req() request: Request): Promise<string> {
    await this.receiveCallback.receive(query, () => callbackBodyOf(request));
    return '';
  }
}
