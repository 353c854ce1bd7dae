// The types of chat-logic.js, for its unit tests (chat-logic.spec.ts); the page itself is plain JavaScript.
export type Lang = 'zh' | 'en' | 'ug';

export interface PageStrings {
  htmlLang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  subtitle: string;
  language: string;
  elderMode: string;
  close: string;
  conversation: string;
  quickReplies: string;
  inputLabel: string;
  placeholder: string;
  send: string;
  citizenSaid: string;
  assistantSaid: string;
  thinking: string;
  replyLater: string;
  offline: string;
  queued: string;
  failed: string;
  greeting: string;
}

/** A message as GET /api/v1/chat/sessions/:id/messages and the WebSocket give it. */
export interface ChatMessage {
  id: string;
  direction: 'in' | 'out';
  text: string;
  quickReplies?: string[];
  inReplyTo?: string;
  endOfTurn?: boolean;
  createdAt: string;
}

export interface OutboxEntry {
  clientMessageId: string;
  text: string;
  lang: Lang;
  elderMode: boolean;
}

export const LANGS: Lang[];
export const STRINGS: Record<Lang, PageStrings>;
export function chooseLang(saved: unknown, requested: unknown, browserLanguages: readonly string[] | undefined): Lang;
export function reconnectDelayMs(
  attempt: number,
  random?: () => number,
  options?: { baseMs?: number; capMs?: number },
): number;
export function sendOutcome(status: number): 'sent' | 'unknown_session' | 'retry' | 'rejected';

export class MessageSync {
  cursor: string | undefined;
  isShown(id: string): boolean;
  markShown(id: string): void;
  pushed(message: ChatMessage): ChatMessage[];
  beginCatchUp(): string | undefined;
  endCatchUp(history: ChatMessage[]): ChatMessage[];
  abortCatchUp(): ChatMessage[];
  disconnected(): void;
  answered(messages: ChatMessage[]): ChatMessage[];
}

export class Outbox {
  constructor(entries?: OutboxEntry[]);
  static parse(raw: string | null): Outbox;
  readonly size: number;
  add(entry: OutboxEntry): void;
  first(): OutboxEntry | undefined;
  remove(clientMessageId: string): void;
  serialize(): string;
}
