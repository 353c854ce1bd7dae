import { Inject } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { LOGGER } from '@libs/common/logging/logging.module';
import { ConversationStore } from '../conversations/conversation-store';
import { SessionFeed } from './session-feed';

const SessionId = z.uuid();

/** Close codes in the application range (4000-4999), so the page can tell why. */
const CLOSE_BAD_SESSION = 4400;
const CLOSE_UNKNOWN_SESSION = 4404;

/**
 * /ws?sessionId=<uuid> pushes the session's replies as they arrive: { type: "message", message }.
 * Sending stays a POST; after a reconnect the page fetches the history it missed.
 */
@WebSocketGateway({ path: '/ws' })
export class ChatSocketGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly stops = new WeakMap<WebSocket, () => Promise<void>>();

  constructor(
    private readonly feed: SessionFeed,
    private readonly store: ConversationStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handleConnection(socket: WebSocket, request: IncomingMessage): Promise<void> {
    const sessionId = SessionId.safeParse(
      new URL(request.url ?? '/', 'http://localhost').searchParams.get('sessionId'),
    );
    if (!sessionId.success) return socket.close(CLOSE_BAD_SESSION, 'sessionId must be a UUID');
    if (!(await this.store.exists(sessionId.data))) return socket.close(CLOSE_UNKNOWN_SESSION, 'unknown session');
    const stop = await this.feed.listen(sessionId.data, (message) => {
      socket.send(JSON.stringify({ type: 'message', message }));
    });
    if (socket.readyState !== socket.OPEN) return void (await stop());
    this.stops.set(socket, stop);
    this.logger.debug({ conversationId: sessionId.data }, 'chat socket opened');
  }

  async handleDisconnect(socket: WebSocket): Promise<void> {
    await this.stops.get(socket)?.();
    this.stops.delete(socket);
  }
}
