import { CallbackFields } from '../wecom-api/callback-xml';
import { citizenText, geoPoint, MessageContent, PlatformReading } from '../wecom-api/message-content';

/** The events of a self-built app that mean "someone is here": each gets the assistant's greeting. */
const GREETING_EVENTS = new Set(['subscribe', 'enter_agent']);

/**
 * What a decrypted self-built-app (自建应用) callback says: a message to pass on, with the member's UserID and the
 * platform's message id, or something to leave (another app's message, an event nobody answers).
 */
export function readWeComMessage(fields: CallbackFields, agentId: number): PlatformReading {
  const sender = fields.FromUserName;
  if (!sender) return { kind: 'skip', reason: 'no FromUserName' };
  if (fields.AgentID !== undefined && fields.AgentID !== String(agentId)) {
    return { kind: 'skip', reason: 'for another app (AgentID)' };
  }
  const content = contentOf(fields);
  if (!content)
    return { kind: 'skip', reason: `nothing to pass on in ${fields.MsgType ?? 'a message without MsgType'}` };
  // Events carry no MsgId; WeCom's own advice is to tell their retries apart by sender and CreateTime. The sender is
  // implied by the conversation, and is personal data: it stays out of the id.
  const platformMessageId =
    fields.MsgId || `event:${fields.CreateTime ?? ''}:${fields.Event ?? ''}:${fields.EventKey ?? ''}`.slice(0, 128);
  return { kind: 'accept', sender, platformMessageId, content };
}

function contentOf(fields: CallbackFields): MessageContent | undefined {
  switch (fields.MsgType) {
    case 'text':
      return citizenText(fields.Content ?? '');
    case 'image':
      return { kind: 'media', mediaType: 'image' };
    case 'voice':
      // With speech recognition on, WeCom sends what was said; the voice itself is not read.
      return citizenText(fields.Recognition ?? '') ?? { kind: 'media', mediaType: 'voice' };
    case 'video':
    case 'shortvideo':
      return { kind: 'media', mediaType: 'video' };
    case 'file':
      return { kind: 'media', mediaType: 'file' };
    case 'location': {
      const location = geoPoint(fields.Location_X, fields.Location_Y, fields.Label);
      return location && { kind: 'location', location };
    }
    case 'event':
      return eventOf(fields);
    default:
      return undefined;
  }
}

function eventOf(fields: CallbackFields): MessageContent | undefined {
  const event = fields.Event ?? '';
  if (GREETING_EVENTS.has(event)) return { kind: 'event', event };
  // A menu button: its key says which, as the app's menu was set up in the admin console.
  if (event === 'click' && fields.EventKey) return { kind: 'event', event: `click:${fields.EventKey}`.slice(0, 64) };
  return undefined;
}
