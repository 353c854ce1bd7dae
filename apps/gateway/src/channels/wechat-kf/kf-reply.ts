import { splitForPlatform, withNumberedChoices } from '../wecom-api/reply-text';

/** The body of one kf/send_msg call, without touser and open_kfid. */
export type KfReplyPart =
  | { msgid: string; msgtype: 'text'; text: { content: string } }
  | {
      msgid: string;
      msgtype: 'msgmenu';
      msgmenu: { head_content: string; list: Array<{ type: 'click'; click: { id: string; content: string } }> };
    };

/** What a menu message holds: a head of at most 1024 bytes, at most 10 items of at most 128 bytes each. */
const MENU_HEAD_MAX_BYTES = 1024;
const MENU_ITEM_MAX_BYTES = 128;
const MENU_MAX_ITEMS = 10;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * The msgid 微信客服 is given for a reply part: 32 characters of [0-9a-zA-Z_-], derived from the reply's id, so a
 * retried send carries the same msgid as the first attempt.
 */
export function kfMsgId(replyId: string, part: number): string {
  const hex = replyId.replace(/-/g, '').toLowerCase();
  return part === 0 ? hex : `${hex.slice(0, 29)}_${String(part).padStart(2, '0')}`;
}

/**
 * A reply as 微信客服 messages. With choices that fit a menu message (菜单消息), the text is its head and the choices
 * its buttons: tapping one sends the choice's text back as the customer's message. Otherwise text, with the
 * choices as numbered lines, in as many parts as 2048 bytes require.
 */
export function kfReplyParts(replyId: string, text: string, choices: readonly string[] | undefined): KfReplyPart[] {
  const fitsMenu =
    choices !== undefined &&
    choices.length > 0 &&
    choices.length <= MENU_MAX_ITEMS &&
    bytes(text) <= MENU_HEAD_MAX_BYTES &&
    choices.every((choice) => bytes(choice) <= MENU_ITEM_MAX_BYTES);
  if (fitsMenu) {
    return [
      {
        msgid: kfMsgId(replyId, 0),
        msgtype: 'msgmenu',
        msgmenu: {
          head_content: text,
          list: choices.map((choice, index) => ({ type: 'click', click: { id: String(index + 1), content: choice } })),
        },
      },
    ];
  }
  return splitForPlatform(withNumberedChoices(text, choices)).map((content, part) => ({
    msgid: kfMsgId(replyId, part),
    msgtype: 'text',
    text: { content },
  }));
}
