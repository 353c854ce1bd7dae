import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ChannelSender, DeliveryFailed, OutboundMessage } from '../channel-sender';
import { rethrowAsDeliveryFailed } from '../wecom-api/wecom-api-error';
import { kfReplyParts } from './kf-reply';
import { WECHAT_KF_CHANNEL, WechatKfChannel } from './wechat-kf-channel';

const SendMsgAnswer = z.object({ msgid: z.string().optional() });

/**
 * Replies to WeChat customers through kf/send_msg, on the account they wrote to. 微信客服 lets a service send five
 * messages per customer message, within 48 hours of it: a refusal for those reasons (95001, 95002) is final.
 */
@Injectable()
export class WechatKfSender implements ChannelSender {
  readonly channel = 'wechat_kf' as const;

  constructor(@Inject(WECHAT_KF_CHANNEL) private readonly kf: WechatKfChannel | null) {}

  async send(message: OutboundMessage): Promise<{ platformMessageId?: string }> {
    if (!this.kf) throw new DeliveryFailed('微信客服 is not configured (WXKF_*)', false);
    let platformMessageId: string | undefined;
    for (const part of kfReplyParts(message.messageId, message.text, message.quickReplies)) {
      const answer = await this.kf.api
        .post(
          '/cgi-bin/kf/send_msg',
          { touser: message.contact.address, open_kfid: message.contact.account, ...part },
          SendMsgAnswer,
        )
        .catch(rethrowAsDeliveryFailed);
      platformMessageId = answer.msgid ?? part.msgid;
    }
    return platformMessageId ? { platformMessageId } : {};
  }
}
