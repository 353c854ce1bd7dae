import { z } from 'zod';
import { AlertChannel, AlertSubscriptionSettings } from './alert-subscription-settings';
import { SubscriptionRegistration } from './subscription-registration';

/** What the notifier shows of a subscription (address masked); the fields a new registration must keep. */
export const ExistingSubscription = z.object({
  regionCodes: z.array(z.string()),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  preference: z.number().int(),
  isLinked: z.boolean(),
});
export type ExistingSubscription = z.infer<typeof ExistingSubscription>;

const Registered = z.object({ created: z.boolean() });
const Found = z.object({ subscriber: ExistingSubscription });
const Unsubscribed = z.object({ unsubscribed: z.boolean() });

/** The notifier said no (4xx): sending the same again cannot succeed. Its reason names rules, never values. */
export interface Refusal {
  isRefused: true;
  status: number;
  reason: string;
}

/** The notifier could not answer (5xx, timeout, network): worth trying again later. */
export class NotifierUnavailable extends Error {
  constructor(path: string, cause: string) {
    super(`notifier ${path} unavailable: ${cause}`);
  }
}

const TIMEOUT_MS = 10_000;

/**
 * The notifier's channel-subscribers API (POST /api/v1/channel-subscribers, /lookup, /unsubscribe), called with the
 * key the notifier gave the gateway for each channel. The body carries the citizen's address: it goes over this
 * call only, never into a log or an error message.
 */
export class NotifierSubscribersClient {
  constructor(private readonly settings: AlertSubscriptionSettings) {}

  hasKeyFor(channel: AlertChannel): boolean {
    return this.settings.keys[channel] !== undefined;
  }

  async register(registration: SubscriptionRegistration): Promise<{ created: boolean } | Refusal> {
    return this.post('', registration.channel, registration, Registered);
  }

  /** The subscription of this address, undefined when there is none. */
  async lookup(channel: AlertChannel, address: string): Promise<ExistingSubscription | undefined | Refusal> {
    const found = await this.post('/lookup', channel, { channel, address }, Found, { isMissingFine: true });
    if (found === undefined || 'isRefused' in found) return found;
    return found.subscriber;
  }

  async unsubscribe(channel: AlertChannel, address: string): Promise<{ unsubscribed: boolean } | Refusal> {
    return this.post('/unsubscribe', channel, { channel, address }, Unsubscribed);
  }

  private async post<T>(
    path: string,
    channel: AlertChannel,
    body: unknown,
    answer: z.ZodType<T>,
    options: { isMissingFine: true },
  ): Promise<T | Refusal | undefined>;
  private async post<T>(path: string, channel: AlertChannel, body: unknown, answer: z.ZodType<T>): Promise<T | Refusal>;
  private async post<T>(
    path: string,
    channel: AlertChannel,
    body: unknown,
    answer: z.ZodType<T>,
    options: { isMissingFine?: boolean } = {},
  ): Promise<T | Refusal | undefined> {
    const key = this.settings.keys[channel];
    if (!key) return { isRefused: true, status: 0, reason: `no key for channel ${channel}` };
    let response: Response;
    try {
      response = await fetch(`${this.settings.notifierUrl}/api/v1/channel-subscribers${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-channel-key': key },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new NotifierUnavailable(path || '/', error instanceof Error ? error.name : 'network error');
    }
    const text = await response.text();
    if (response.status >= 500) throw new NotifierUnavailable(path || '/', `HTTP ${response.status}`);
    if (response.status === 404 && options.isMissingFine) return undefined;
    if (response.status >= 400) return { isRefused: true, status: response.status, reason: reasonIn(text) };
    const parsed = answer.safeParse(safeJson(text));
    if (!parsed.success) throw new NotifierUnavailable(path || '/', 'unexpected answer');
    return parsed.data;
  }
}

const ErrorAnswer = z.object({ message: z.string() });

function reasonIn(text: string): string {
  const parsed = ErrorAnswer.safeParse(safeJson(text));
  return parsed.success ? parsed.data.message.slice(0, 300) : 'no reason given';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
