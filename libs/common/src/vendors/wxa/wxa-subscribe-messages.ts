import { z } from 'zod';
import { DomainError } from '@libs/common/errors/domain-error';
import { subscribeMessageData } from './subscribe-message-data';
import { WxaApiClient } from './wxa-api-client';

/** What a subscribe message is about: each kind has its own template, chosen in the admin console. */
export type SubscribeMessageKind = 'ticketProgress' | 'alert';

/** The template id configured for each kind (WXA_TICKET_TEMPLATE_ID, WXA_ALERT_TEMPLATE_ID); a kind without one is off. */
export type SubscribeTemplates = Readonly<Partial<Record<SubscribeMessageKind, string>>>;

export class NoSubscribeTemplate extends DomainError {
  constructor(kind: SubscribeMessageKind) {
    const variable = kind === 'ticketProgress' ? 'WXA_TICKET_TEMPLATE_ID' : 'WXA_ALERT_TEMPLATE_ID';
    super('unavailable', `未配置该类订阅消息模板（${variable}），消息未发送`);
  }
}

/** A page of this mini-program, as subscribeMessage.send takes it: a path with an optional query, no scheme. */
const Page = z
  .string()
  .regex(/^[A-Za-z0-9_\-./]+(?:\?[\x21-\x7e]*)?$/)
  .max(1024);

const SendAnswer = z.object({ msgid: z.union([z.number(), z.string()]).optional() });

/**
 * 订阅消息 (subscribeMessage.send): a message to a user who agreed in the mini-program to receive this template
 * (one agreement, one message). Unlike customer-service replies it needs no recent message from the user, which
 * is what ticket progress and alerts need. Values are checked against the template rules before the call; a
 * refusal by the platform (43101 not subscribed, 47003, …) is a WxaApiError with its errcode.
 */
export class WxaSubscribeMessages {
  constructor(
    private readonly api: WxaApiClient,
    private readonly templates: SubscribeTemplates,
  ) {}

  /** The configured template for a kind of message, or NoSubscribeTemplate. */
  templateFor(kind: SubscribeMessageKind): string {
    const templateId = this.templates[kind];
    if (!templateId) throw new NoSubscribeTemplate(kind);
    return templateId;
  }

  /**
   * Sends one subscribe message. `values` are by template key (`thing1`, `time2`…); `page` opens when the card is
   * tapped (e.g. `pages/ticket/detail?no=…`), or nothing does when it is left out. Returns the platform's msgid.
   */
  async send(
    openid: string,
    templateId: string,
    values: Readonly<Record<string, string>>,
    page?: string,
  ): Promise<{ msgid?: string }> {
    const data = subscribeMessageData(values);
    if (page !== undefined && !Page.safeParse(page).success) {
      throw new DomainError('invalid', '订阅消息的跳转页面应为本小程序的页面路径，如 pages/ticket/detail?no=1');
    }
    const body = {
      touser: openid,
      template_id: templateId,
      ...(page === undefined ? {} : { page }),
      data,
      lang: 'zh_CN',
    };
    const answer = await this.api.post('/cgi-bin/message/subscribe/send', body, SendAnswer);
    return { msgid: answer.msgid === undefined ? undefined : String(answer.msgid) };
  }
}
