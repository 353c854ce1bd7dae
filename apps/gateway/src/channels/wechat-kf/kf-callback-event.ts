import { CallbackFields } from '../wecom-api/callback-xml';

/**
 * 微信客服's callback says only "there is something new": kf_msg_or_event, with a Token that lets sync_msg pull it
 * (valid ten minutes, and without it sync_msg is strictly rate-limited) and the open_kfid it concerns.
 */
export type KfCallbackEvent = { kind: 'pull'; token: string; openKfId?: string } | { kind: 'skip'; reason: string };

export function readKfCallbackEvent(fields: CallbackFields): KfCallbackEvent {
  if (fields.MsgType !== 'event' || fields.Event !== 'kf_msg_or_event') {
    return { kind: 'skip', reason: `not kf_msg_or_event (${fields.Event ?? fields.MsgType ?? 'no type'})` };
  }
  const token = fields.Token;
  if (!token || token.length > 128) return { kind: 'skip', reason: 'kf_msg_or_event without a usable Token' };
  const openKfId = fields.OpenKfId && /^[\w-]{1,64}$/.test(fields.OpenKfId) ? fields.OpenKfId : undefined;
  return { kind: 'pull', token, ...(openKfId ? { openKfId } : {}) };
}
