import { DomainError } from '@libs/common/errors/domain-error';

const STATUS_LABEL: Record<string, string> = { pending: '排队待发', sending: '正在发送', sent: '已发送' };

export class DeadLetterNotFound extends DomainError {
  constructor(messageId: string) {
    super('not_found', `没有编号为 ${messageId} 的待发消息`);
  }
}

export class NotADeadLetter extends DomainError {
  constructor(status: string) {
    super('conflict', `这条消息当前状态为「${STATUS_LABEL[status] ?? status}」，只有发送失败的消息才能重新发送`);
  }
}
