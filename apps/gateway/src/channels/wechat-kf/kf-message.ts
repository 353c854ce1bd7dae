import { z } from 'zod';
import { citizenText, geoPoint, MessageContent } from '../wecom-api/message-content';

/** origin of a sync_msg message: 3 the WeChat customer, 4 a system event, 5 a servicer in the WeCom client. */
export const CUSTOMER_ORIGIN = 3;

/** One entry of sync_msg's msg_list, as far as gateway reads it; other fields and types are left alone. */
export const KfSyncedMessage = z.object({
  msgid: z.string().min(1).max(128),
  open_kfid: z.string().min(1).max(64),
  external_userid: z.string().min(1).max(128).optional(),
  send_time: z.number().optional(),
  origin: z.number().int(),
  msgtype: z.string(),
  text: z.object({ content: z.string(), menu_id: z.string().optional() }).optional(),
  location: z
    .object({
      latitude: z.union([z.number(), z.string()]),
      longitude: z.union([z.number(), z.string()]),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
});
export type KfSyncedMessage = z.infer<typeof KfSyncedMessage>;

export type KfReading =
  | { kind: 'accept'; openKfId: string; sender: string; platformMessageId: string; content: MessageContent }
  | { kind: 'skip'; reason: string };

const MEDIA_TYPES = new Set(['image', 'voice', 'video', 'file'] as const);
const isMediaType = (type: string): type is 'image' | 'voice' | 'video' | 'file' =>
  MEDIA_TYPES.has(type as 'image' | 'voice' | 'video' | 'file');

/**
 * A pulled message gateway passes on: only what the customer wrote (origin 3). The service's own messages (sent by
 * servicers or through the API) and system events come back through sync_msg too and are left.
 */
export function readKfMessage(raw: unknown): KfReading {
  const parsed = KfSyncedMessage.safeParse(raw);
  if (!parsed.success) return { kind: 'skip', reason: 'not a message sync_msg documents' };
  const message = parsed.data;
  if (message.origin !== CUSTOMER_ORIGIN) return { kind: 'skip', reason: `origin ${message.origin}, not the customer` };
  if (!message.external_userid) return { kind: 'skip', reason: 'no external_userid' };
  const content = contentOf(message);
  if (!content) return { kind: 'skip', reason: `nothing to pass on in ${message.msgtype}` };
  return {
    kind: 'accept',
    openKfId: message.open_kfid,
    sender: message.external_userid,
    platformMessageId: message.msgid,
    content,
  };
}

function contentOf(message: KfSyncedMessage): MessageContent | undefined {
  if (message.msgtype === 'text') return citizenText(message.text?.content ?? '');
  if (isMediaType(message.msgtype)) return { kind: 'media', mediaType: message.msgtype };
  if (message.msgtype === 'location' && message.location) {
    const { latitude, longitude, name, address } = message.location;
    const location = geoPoint(latitude, longitude, name || address);
    return location && { kind: 'location', location };
  }
  return undefined;
}
