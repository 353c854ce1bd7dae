import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { Lang, MAX_CITIZEN_TEXT } from '@libs/common/contracts/common-fields';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { ConversationStore } from '../conversations/conversation-store';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { SendChatMessage } from './send-chat-message.use-case';

const SendBody = z.object({
  sessionId: z.uuid({ error: '必须是会话编号（UUID）' }).optional(),
  text: z
    .string({ error: '必须是文字' })
    .trim()
    .min(1, '不能为空')
    .refine((text) => [...text].length <= MAX_CITIZEN_TEXT, `不能超过 ${MAX_CITIZEN_TEXT} 个字`),
  lang: Lang.optional(),
  elderMode: z.boolean({ error: '必须是 true 或 false' }).optional(),
  /** The browser's own id for this message: sending it again (a retry) gives the same message and reply. */
  clientMessageId: z.string().min(1).max(128).optional(),
});

const SessionId = z.uuid({ error: '会话编号必须是 UUID' });
const HistoryQuery = z.object({
  /** The last message the page shows: only what came after it, for the catch-up after a reconnect. */
  after: z.uuid({ error: '必须是消息编号（UUID）' }).optional(),
  /** How many at most: the latest ones, or the first ones after `after`. */
  limit: z.coerce
    .number({ error: '必须是数字' })
    .int('必须是整数')
    .min(1, '至少为 1')
    .max(200, '不能超过 200')
    .optional(),
});

@Controller('api/v1/chat')
export class WebChatController {
  private readonly SendQuery: z.ZodType<{ wait: number }>;

  constructor(
    private readonly sendChatMessage: SendChatMessage,
    private readonly store: ConversationStore,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.SendQuery = z.object({
      wait: z.coerce
        .number({ error: '必须是毫秒数' })
        .int('必须是整数毫秒')
        .min(0, '不能为负数')
        .max(config.CHAT_MAX_WAIT_MS, `不能超过 ${config.CHAT_MAX_WAIT_MS} 毫秒`)
        .default(0),
    });
  }

  /** 202 once accepted; with ?wait=<ms>, 200 with the replies once the turn is answered (202 if the wait runs out). */
  @Post('messages')
  async send(
    @Body(new ZodPipe(SendBody)) body: z.infer<typeof SendBody>,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { wait } = new ZodPipe(this.SendQuery).transform(query);
    const result = await this.sendChatMessage.execute({ ...body, waitMs: wait });
    response.status(result.isComplete ? 200 : 202);
    const { isComplete: _isComplete, ...answer } = result;
    return answer;
  }

  @Get('sessions/:id/messages')
  async list(
    @Param('id', new ZodPipe(SessionId)) sessionId: string,
    @Query(new ZodPipe(HistoryQuery)) query: z.infer<typeof HistoryQuery>,
  ) {
    return { sessionId, messages: await this.store.list(sessionId, query) };
  }
}
