import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line of the current request or message carries. */
export interface TraceFields {
  traceId: string;
  conversationId?: string;
  ticketNo?: string;
}

const storage = new AsyncLocalStorage<TraceFields>();

export const traceContext = {
  run<T>(fields: TraceFields, work: () => T): T {
    return storage.run(fields, work);
  },
  current(): TraceFields | undefined {
    return storage.getStore();
  },
  /** The trace id of the work in progress, or a new one when there is none (a timer, start-up). */
  traceId(): string {
    return storage.getStore()?.traceId ?? newTraceId();
  },
  /** Adds fields (a ticket number once known) to the current context. */
  annotate(fields: Partial<TraceFields>): void {
    const store = storage.getStore();
    if (store) Object.assign(store, fields);
  },
};

export const newTraceId = (): string => randomUUID().replace(/-/g, '');
