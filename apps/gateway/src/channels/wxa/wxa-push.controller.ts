import { Controller, Get, Header, HttpCode, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { callbackBodyOf } from '../wecom-api/callback-request';
import { ReceiveWxaPush } from './receive-wxa-push.use-case';

/** The URL set in the mini-program admin console under 开发管理 → 消息推送配置 (安全模式, JSON or XML). */
@Controller('channels/wxa')
export class WxaPushController {
  constructor(private readonly receivePush: ReceiveWxaPush) {}

  /** Server check: the echostr back, as plain text and nothing else. */
  @Get('callback')
  @Header('content-type', 'text/plain; charset=utf-8')
  verify(@Query() query: unknown): Promise<string> {
    return this.receivePush.verifyUrl(query);
  }

  /** A message or event: accepted, then "success" (the reply goes out through message/custom/send). */
  @Post('callback')
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  async receive(@Query() query: unknown, @Req() request: Request): Promise<string> {
    const parsedJson: unknown = request.body;
    const isParsedJson = typeof parsedJson === 'object' && parsedJson !== null;
    await this.receivePush.receive(query, () => (isParsedJson ? Promise.resolve(parsedJson) : callbackBodyOf(request)));
    return 'success';
  }
}
