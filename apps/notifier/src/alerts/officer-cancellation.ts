import { DomainError } from '@libs/common/errors/domain-error';
import { capDateTimeOf } from '../cap/cap-datetime';
import { CapMsgType, CapScope, CapStatus } from '../cap/cap-enumerations';

/** What a cancellation needs to know of the alert it withdraws. */
export interface CancelledByOfficer {
  id: string;
  identifier: string;
  sender: string;
  sent: Date;
  status: CapStatus;
  msgType: CapMsgType;
  scope: CapScope;
}

export class OnlyAlertsAreCancelled extends DomainError {
  constructor(msgType: CapMsgType) {
    super('conflict', `这是一条 ${msgType} 消息，不是可撤销的预警；请撤销它所针对的 Alert 或 Update 预警`);
  }
}

/**
 * The CAP Cancel an emergency officer's "撤销" button stands for, in the JSON form, so it goes through the same
 * validation, storage and effects as a Cancel an office posts, and is kept as the original of the message. It is
 * sent in the withdrawn alert's name (its sender), with an identifier derived from the alert's id: the button
 * pressed twice names the same message. A Restricted or Private alert's cancellation is restricted to the same
 * recipients; we do not keep their addresses, so it says so in words.
 */
export function officerCancellation(
  target: CancelledByOfficer,
  officer: string,
  note: string | undefined,
  now: Date,
): Record<string, unknown> {
  if (target.msgType !== 'Alert' && target.msgType !== 'Update') throw new OnlyAlertsAreCancelled(target.msgType);
  const isPublic = target.scope === 'Public';
  return {
    identifier: `cancel-${target.id}`,
    sender: target.sender,
    sent: capDateTimeOf(now),
    status: target.status,
    msgType: 'Cancel',
    scope: isPublic ? 'Public' : 'Restricted',
    ...(isPublic ? {} : { restriction: `与被撤销的预警 ${target.identifier} 的接收者相同` }),
    note: `由 ${officer} 在预警管理页撤销${note ? `：${note}` : ''}`,
    references: `${target.sender},${target.identifier},${capDateTimeOf(target.sent)}`,
  };
}
