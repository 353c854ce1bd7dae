import { DomainError } from '@libs/common/errors/domain-error';

/** Also what someone gets for a ticket they may not see: they learn nothing of its existence. */
export class TicketNotFound extends DomainError {
  constructor(ticketNo: string) {
    super('not_found', `没有找到工单 ${ticketNo}，或您无权查看`);
  }
}
