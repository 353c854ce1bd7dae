import { StoredMessage } from '../conversations/conversation-store';

export interface Turn {
  replies: StoredMessage[];
  /** False when the wait ran out before a reply ended the turn. */
  isComplete: boolean;
}

/** Gathers the replies to one citizen message until one of them ends the turn, or the time is up. */
export class TurnCollector {
  readonly done: Promise<Turn>;
  private readonly replies: StoredMessage[] = [];
  private finish!: (isComplete: boolean) => void;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly messageId: string,
    timeoutMs: number,
  ) {
    this.done = new Promise<Turn>((resolve) => {
      this.finish = (isComplete) => {
        clearTimeout(this.timer);
        resolve({ replies: [...this.replies], isComplete });
      };
    });
    this.timer = setTimeout(() => this.finish(false), timeoutMs);
  }

  offer(message: StoredMessage): void {
    if (message.inReplyTo !== this.messageId || this.replies.some((reply) => reply.id === message.id)) return;
    this.replies.push(message);
    if (message.endOfTurn !== false) this.finish(true);
  }
}
