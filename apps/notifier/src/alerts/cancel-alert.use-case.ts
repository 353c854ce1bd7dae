import { Injectable } from '@nestjs/common';
import { Clock } from '@libs/common/time/clock';
import { readCapJson } from '../cap/read-cap-alert';
import { AcceptAlert, AlertReceipt } from './accept-alert.use-case';
import { AlertNotFound } from './alert-errors';
import { AlertStore } from './alert-store';
import { officerCancellation } from './officer-cancellation';

export interface CancelAlertCommand {
  alertId: string;
  /** The officer's username, recorded as who submitted the Cancel. */
  officer: string;
  note?: string;
}

/**
 * An emergency officer withdraws an alert from the console: the same CAP Cancel an office would post, accepted the
 * same way (queued deliveries stopped in its transaction, events announced). Withdrawing an alert already withdrawn
 * answers the Cancel that did it.
 */
@Injectable()
export class CancelAlert {
  constructor(
    private readonly alerts: AlertStore,
    private readonly accept: AcceptAlert,
    private readonly clock: Clock,
  ) {}

  async execute(command: CancelAlertCommand): Promise<AlertReceipt> {
    const found = await this.alerts.findById(command.alertId);
    if (!found) throw new AlertNotFound(command.alertId);
    const target = found.alert;
    const earlier = target.cancelledBy ? await this.alerts.findById(target.cancelledBy) : undefined;
    if (earlier) {
      const { id, identifier } = earlier.alert;
      const targeted = (await this.alerts.deliveryCounts([id])).get(id)?.targeted ?? 0;
      return { id, identifier, targeted, isRepeat: true };
    }
    const document = officerCancellation(target, command.officer, command.note, this.clock.now());
    return this.accept.execute({
      alert: readCapJson(document),
      original: { json: document },
      submittedBy: command.officer,
    });
  }
}
