import { CallbackFields } from '../wecom-api/callback-xml';
import { citizenText, MessageContent, PlatformReading } from '../wecom-api/message-content';

/** The page a shared mini-program card opens, without its query (which may carry personal data). */
const PAGE_PATH = /^[A-Za-z0-9_\-./]{1,40}/;

/**
 * What a decrypted mini-program customer-service push (客服消息) says: a message to pass on, with the user's openid
 * and the platform's message id, or something to leave. The same fields arrive whether the console sends JSON or
 * XML; MsgId stays the exact digits it was sent as.
 */
export function readWxaMessage(fields: CallbackFields): PlatformReading {
  const sender = fields.FromUserName;
  if (!sender) return { kind: 'skip', reason: 'no FromUserName' };
  const content = contentOf(fields);
  if (!content) return { kind: 'skip', reason: `nothing to pass on in ${fields.MsgType ?? 'a push without MsgType'}` };
  // Events carry no MsgId: a retry of one repeats its CreateTime (the sender is implied by the conversation).
  const platformMessageId = fields.MsgId || `event:${fields.CreateTime ?? ''}:${fields.Event ?? ''}`.slice(0, 128);
  return { kind: 'accept', sender, platformMessageId: platformMessageId.slice(0, 128), content };
}

function contentOf(fields: CallbackFields): MessageContent | undefined {
  switch (fields.MsgType) {
    case 'text':
      return citizenText(fields.Content ?? '');
    case 'image':
      return { kind: 'media', mediaType: 'image' };
    case 'miniprogrampage': {
      // A card of one of our pages, shared into the chat (e.g. a service's guide): which page says what it is about.
      const page = PAGE_PATH.exec(fields.PagePath ?? '')?.[0];
      return { kind: 'event', event: page ? `miniprogrampage:${page}` : 'miniprogrampage' };
    }
    case 'event':
      // The user opened the chat (客服会话) from the mini-program: they get the greeting, within the minute allowed.
      return fields.Event === 'user_enter_tempsession' ? { kind: 'event', event: 'user_enter_tempsession' } : undefined;
    default:
      return undefined;
  }
}
