import { Injectable } from '@nestjs/common';
import { AlertNotFound } from './alert-errors';
import { AlertStore, DeliveryCounts, noDeliveries, StoredAlert, StoredInfo } from './alert-store';
import { milestoneRanks, timeToSent, TimeToSentMs } from './send-milestones';

export interface AlertReport extends StoredAlert {
  info: StoredInfo[];
  /** Recipients by the state of their delivery now; targeted is all of them. */
  deliveries: DeliveryCounts;
  /** From reception to 50 / 90 / 100 % of the recipients still meant to get it sent; null until reached. */
  timeToSentMs: TimeToSentMs;
}

export type AlertSummary = StoredAlert & { event: string | null; deliveries: DeliveryCounts };

/** What the emergency officer sees of alerts: each with its deliveries so far. Reads only. */
@Injectable()
export class AlertReports {
  constructor(private readonly alerts: AlertStore) {}

  async of(id: string): Promise<AlertReport> {
    const found = await this.alerts.findById(id);
    if (!found) throw new AlertNotFound(id);
    const deliveries = (await this.alerts.deliveryCounts([id])).get(id) ?? noDeliveries();
    const intended = deliveries.targeted - deliveries.cancelled;
    const ranks = milestoneRanks(intended);
    const sentAtByRank = await this.alerts.sendTimesAtRanks(id, ranks ? Object.values(ranks) : []);
    return {
      ...found.alert,
      info: found.infos,
      deliveries,
      timeToSentMs: timeToSent(found.alert.receivedAt, intended, sentAtByRank),
    };
  }

  /** Newest first. */
  async recent(page: { limit: number; offset: number }): Promise<AlertSummary[]> {
    const alerts = await this.alerts.recent(page.limit, page.offset);
    const counts = await this.alerts.deliveryCounts(alerts.map((alert) => alert.id));
    return alerts.map((alert) => ({ ...alert, deliveries: counts.get(alert.id) ?? noDeliveries() }));
  }

  async originalOf(id: string): Promise<{ xml: string } | { json: unknown }> {
    const original = await this.alerts.originalOf(id);
    if (!original) throw new AlertNotFound(id);
    return original;
  }
}
