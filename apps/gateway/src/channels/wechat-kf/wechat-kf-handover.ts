import { z } from 'zod';
import { DomainError } from '@libs/common/errors/domain-error';
import { ChannelContact } from '../channel-contacts';
import { WeComApiClient } from '@libs/common/vendors/wecom/wecom-api-client';
import { canMove, KfServiceState, moveBackToAssistant, moveToHuman } from './kf-service-state';

const StateAnswer = z.object({
  service_state: z.literal([0, 1, 2, 3, 4]),
  servicer_userid: z.string().optional(),
});
const TransAnswer = z.object({ msg_code: z.string().optional() });

export class KfSessionEnded extends DomainError {
  constructor() {
    super('conflict', '该微信客服会话已结束，客户再次发来消息后才能转接人工客服');
  }
}

/**
 * Hands a 微信客服 conversation to a person and back, through service_state/get and service_state/trans. The
 * handoff (the lead's part) decides when; this knows how 微信客服 wants it done.
 */
export class WechatKfHandover {
  constructor(private readonly api: Pick<WeComApiClient, 'post'>) {}

  async stateOf(contact: ChannelContact): Promise<{ state: KfServiceState; servicerUserId?: string }> {
    const answer = await this.api.post('/cgi-bin/kf/service_state/get', this.session(contact), StateAnswer);
    return { state: answer.service_state, servicerUserId: answer.servicer_userid };
  }

  /** To the named servicer (their WeCom UserID), or into the queue for the first free one. */
  async toHuman(contact: ChannelContact, servicerUserId?: string): Promise<void> {
    const { state } = await this.stateOf(contact);
    const target = moveToHuman(state, servicerUserId);
    if (target === 'ended') throw new KfSessionEnded();
    if (target !== 'none') await this.trans(contact, state, target, servicerUserId);
  }

  /** Back to the assistant: the servicer's session is ended, and the customer's next message is the assistant's. */
  async backToAssistant(contact: ChannelContact): Promise<void> {
    const { state } = await this.stateOf(contact);
    const target = moveBackToAssistant(state);
    if (target !== 'none') await this.trans(contact, state, target);
  }

  private async trans(contact: ChannelContact, from: KfServiceState, to: KfServiceState, servicerUserId?: string) {
    if (!canMove(from, to)) throw new Error(`微信客服 allows no change from state ${from} to ${to}`);
    await this.api.post(
      '/cgi-bin/kf/service_state/trans',
      { ...this.session(contact), service_state: to, ...(servicerUserId ? { servicer_userid: servicerUserId } : {}) },
      TransAnswer,
    );
  }

  private session(contact: ChannelContact) {
    return { open_kfid: contact.account, external_userid: contact.address };
  }
}
