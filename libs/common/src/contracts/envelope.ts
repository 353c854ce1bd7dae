import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';

/**
 * Every Kafka message is one envelope: { type, version, id, occurredAt, traceId, key, payload }.
 * The key is the partition key (the conversation id), so the messages of one conversation stay in order.
 */
export const envelopeFields = {
  id: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  traceId: z.string().min(1).max(64),
  key: z.string().min(1).max(200),
};

export function envelopeOf<T extends string, V extends number, P extends z.ZodType>(type: T, version: V, payload: P) {
  return z.object({ type: z.literal(type), version: z.literal(version), ...envelopeFields, payload });
}

export interface Envelope<T extends string = string, P = unknown, V extends number = number> {
  type: T;
  version: V;
  id: string;
  occurredAt: string;
  traceId: string;
  key: string;
  payload: P;
}

/** What caused a new message: a consumed envelope (its ids are then derived, so a replay repeats them) or a request. */
export interface Cause {
  traceId: string;
  envelopeId?: string;
}

const DERIVED_ID_NAMESPACE = '2f1d8c52-6a0e-4d55-9a51-3a2f7c1e9b10';

/** The same input always gives the same output id, so the next hop drops a replayed message as a duplicate. */
export function derivedId(envelopeId: string, type: string, part = 0): string {
  return uuidv5(`${envelopeId}/${type}/${part}`, DERIVED_ID_NAMESPACE);
}

export interface EnvelopeOptions {
  /** A given id (the gateway uses the message id); otherwise derived from the cause, or random. */
  id?: string;
  /** Tells apart several messages of one type caused by the same envelope. */
  part?: number;
  now?: Date;
}

export function createEnvelope<T extends string, V extends number, P>(
  type: T,
  version: V,
  key: string,
  payload: P,
  cause: Cause,
  options: EnvelopeOptions = {},
): Envelope<T, P, V> {
  const id = options.id ?? (cause.envelopeId ? derivedId(cause.envelopeId, type, options.part) : randomUUID());
  return {
    type,
    version,
    id,
    occurredAt: (options.now ?? new Date()).toISOString(),
    traceId: cause.traceId,
    key,
    payload,
  };
}
