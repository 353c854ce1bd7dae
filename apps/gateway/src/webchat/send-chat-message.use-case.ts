import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Lang } from '@libs/common/contracts/common-fields';
import { AcceptCitizenMessage } from '../conversations/accept-citizen-message.use-case';
import { ConversationStore, StoredMessage } from '../conversations/conversation-store';
import { SessionFeed } from './session-feed';
import { TurnCollector } from './turn-collector';

export interface ChatMessageInput {
  sessionId?: string;
  text: string;
  lang?: Lang;
  /** The citizen turned on elder mode (长者模式) on the page: larger text there, simpler replies from dialogue. */
  elderMode?: boolean;
  clientMessageId?: string;
  /** 0: answer once accepted. Otherwise wait up to this long for the reply. */
  waitMs: number;
}

export interface ChatMessageResult {
  sessionId: string;
  messageId: string;
  replies?: StoredMessage[];
  isComplete: boolean;
}

/**
 * The web chat's send: open a session when there is none, accept the message, and when asked, wait for the reply.
 * The feed is listened to before the message is handed on, so even the fastest reply is not missed.
 */
@Injectable()
export class SendChatMessage {
  constructor(
    private readonly store: ConversationStore,
    private readonly accept: AcceptCitizenMessage,
    private readonly feed: SessionFeed,
  ) {}

  async execute(input: ChatMessageInput): Promise<ChatMessageResult> {
    const sessionId = input.sessionId ?? (await this.openSession(input.lang));
    const message = {
      kind: 'text' as const,
      channel: 'webchat' as const,
      conversationId: sessionId,
      // An anonymous web visitor is known only by their session.
      citizenId: sessionId,
      platformMessageId: input.clientMessageId,
      text: input.text,
      lang: input.lang,
      elderMode: input.elderMode,
    };
    if (input.waitMs === 0) {
      const { messageId } = await this.accept.execute(message);
      return { sessionId, messageId, isComplete: false };
    }
    const offered: StoredMessage[] = [];
    let collector: TurnCollector | undefined;
    const stopListening = await this.feed.listen(sessionId, (reply) =>
      collector ? collector.offer(reply) : offered.push(reply),
    );
    try {
      const { messageId, isDuplicate } = await this.accept.execute(message);
      collector = new TurnCollector(messageId, input.waitMs);
      const earlier = isDuplicate ? await this.store.repliesTo(messageId) : [];
      [...earlier, ...offered].forEach((reply) => collector?.offer(reply));
      const turn = await collector.done;
      return { sessionId, messageId, replies: turn.replies, isComplete: turn.isComplete };
    } finally {
      await stopListening();
    }
  }

  private async openSession(lang: Lang | undefined): Promise<string> {
    const sessionId = randomUUID();
    await this.store.open(sessionId, 'webchat', sessionId, lang);
    return sessionId;
  }
}
