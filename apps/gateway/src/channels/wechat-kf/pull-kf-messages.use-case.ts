import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { z } from 'zod';
import { DomainError } from '@libs/common/errors/domain-error';
import { LOGGER } from '@libs/common/logging/logging.module';
import { AcceptCitizenMessage } from '../../conversations/accept-citizen-message.use-case';
import { ChannelContacts } from '../channel-contacts';
import { WeComApiError } from '@libs/common/vendors/wecom/wecom-api-error';
import { KfCursors } from './kf-cursors';
import { readKfMessage } from './kf-message';
import { WechatKfChannel } from './wechat-kf-channel';

const SyncMsgAnswer = z.object({
  next_cursor: z.string().max(256).optional(),
  /** 1: more to pull. Pull on by this, not by an empty list: the list can be empty with more to come. */
  has_more: z.number().int().optional(),
  msg_list: z.array(z.unknown()).default([]),
});

/** 95007: the callback's Token has expired (it lives ten minutes); the pull goes on without it. */
const TOKEN_EXPIRED = 95007;
/** A pull stops after this many pages (1000 messages each); the next callback goes on from the cursor. */
const MAX_PAGES = 50;

export class KfPullFailed extends DomainError {
  constructor() {
    super('unavailable', '微信客服消息暂时无法拉取，请稍后重试');
  }
}

/**
 * On 微信客服's "something new": pull with sync_msg from where the last pull left off, pass on each message the
 * customer wrote (in order, each once: a message pulled twice is dropped by its msgid), and keep the cursor after
 * every page.
 */
@Injectable()
export class PullKfMessages {
  constructor(
    private readonly cursors: KfCursors,
    private readonly contacts: ChannelContacts,
    private readonly accept: AcceptCitizenMessage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(kf: WechatKfChannel, event: { token: string; openKfId?: string }): Promise<{ accepted: number }> {
    try {
      return await this.cursors.exclusively(event.openKfId ?? '', async (start, keep) => {
        let cursor = start;
        let token: string | undefined = event.token;
        let accepted = 0;
        for (let page = 0; page < MAX_PAGES; page += 1) {
          const batch = await this.syncMsg(kf, { cursor, token, openKfId: event.openKfId }).catch((error) => {
            if (!(error instanceof WeComApiError) || error.errcode !== TOKEN_EXPIRED || !token) throw error;
            token = undefined;
            return this.syncMsg(kf, { cursor, openKfId: event.openKfId });
          });
          for (const raw of batch.msg_list) accepted += await this.pass(raw);
          if (batch.next_cursor) {
            cursor = batch.next_cursor;
            await keep(cursor);
          }
          if (batch.has_more !== 1) break;
        }
        return { accepted };
      });
    } catch (error) {
      if (!(error instanceof WeComApiError)) throw error;
      this.logger.warn({ channel: 'wechat_kf', path: error.path, errcode: error.errcode }, 'sync_msg failed');
      // Not 200: WeCom sends the callback again, and the pull resumes from the kept cursor.
      throw new KfPullFailed();
    }
  }

  private syncMsg(kf: WechatKfChannel, page: { cursor?: string; token?: string; openKfId?: string }) {
    return kf.api.post(
      '/cgi-bin/kf/sync_msg',
      {
        ...(page.cursor ? { cursor: page.cursor } : {}),
        ...(page.token ? { token: page.token } : {}),
        limit: 1000,
        voice_format: 0,
        ...(page.openKfId ? { open_kfid: page.openKfId } : {}),
      },
      SyncMsgAnswer,
    );
  }

  private async pass(raw: unknown): Promise<number> {
    const reading = readKfMessage(raw);
    if (reading.kind === 'skip') {
      this.logger.debug({ channel: 'wechat_kf', reason: reading.reason }, 'pulled message left');
      return 0;
    }
    const contact = await this.contacts.conversationOf('wechat_kf', reading.openKfId, reading.sender);
    const { messageId, isDuplicate } = await this.accept.execute({
      channel: 'wechat_kf',
      conversationId: contact.conversationId,
      citizenId: contact.citizenId,
      platformMessageId: reading.platformMessageId,
      ...reading.content,
    });
    this.logger.info(
      {
        channel: 'wechat_kf',
        conversationId: contact.conversationId,
        messageId,
        kind: reading.content.kind,
        isDuplicate,
      },
      'pulled message accepted',
    );
    return 1;
  }
}
