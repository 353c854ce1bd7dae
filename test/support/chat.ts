import type { StoredMessage } from '../../apps/gateway/src/conversations/conversation-store';
import { RunningSystem } from './running-system';
import { request } from './http';

/** A message as the web chat API shows it. */
export type ChatMessage = StoredMessage;

export interface ChatAnswer {
  sessionId: string;
  messageId: string;
  replies?: ChatMessage[];
}

export interface ErrorAnswer {
  statusCode: number;
  error: string;
  message: string;
  traceId: string;
  issues?: Array<{ path: string; message: string }>;
}

/** A citizen on the web chat. */
export function webChat(system: RunningSystem) {
  return {
    send(body: Record<string, unknown>, waitMs = 10_000) {
      return request<ChatAnswer>('POST', system.url('gateway', `/api/v1/chat/messages?wait=${waitMs}`), { json: body });
    },
    history(sessionId: string) {
      return request<{ sessionId: string; messages: ChatMessage[] }>(
        'GET',
        system.url('gateway', `/api/v1/chat/sessions/${sessionId}/messages`),
      );
    },
  };
}

/** Polls until the check passes or the time is up (then the last failure is thrown). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
