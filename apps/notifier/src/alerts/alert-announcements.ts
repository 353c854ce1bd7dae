import { createEnvelope } from '@libs/common/contracts/envelope';
import { Outgoing, Topic } from '@libs/common/contracts/topics';
import { headlineRatings } from '../cap/alert-priority';
import { CapAlert } from '../cap/cap-alert';
import { LinkedAlert } from './reference-effects';

export interface AcceptedAlert {
  alertId: string;
  alert: CapAlert;
  targeted: number;
  updated: LinkedAlert[];
  cancelled: Array<{ alert: LinkedAlert; stoppedDeliveries: number }>;
}

/**
 * alert.events.v1 for an accepted message: alert.accepted, then alert.updated / alert.cancelled for each alert it
 * superseded or withdrew, keyed by the alert they are about (so one alert's events stay in order). Envelope ids are
 * derived from the new alert's id: announcing again (a repeated POST) repeats them, and consumers drop the copies.
 */
export function alertAnnouncements(accepted: AcceptedAlert, traceId: string, now: Date): Outgoing[] {
  const { alertId, alert } = accepted;
  const cause = { traceId, envelopeId: alertId };
  const topic = Topic.AlertEventsV1;
  const regionCodes = [...new Set(alert.info.flatMap((info) => info.area.flatMap((area) => area.regionCodes)))];
  const events: Outgoing[] = [
    {
      topic,
      envelope: createEnvelope(
        'alert.accepted',
        1,
        alertId,
        {
          alertId,
          identifier: alert.identifier,
          sender: alert.sender,
          msgType: alert.msgType,
          ...headlineRatings(alert.info),
          regionCodes,
          targeted: accepted.targeted,
          status: alert.status,
          warningColour: alert.warningColour,
        },
        cause,
        { now },
      ),
    },
  ];
  for (const [part, updated] of accepted.updated.entries()) {
    const payload = {
      alertId: updated.id,
      identifier: updated.identifier,
      sender: updated.sender,
      replacedBy: alertId,
    };
    events.push({ topic, envelope: createEnvelope('alert.updated', 1, updated.id, payload, cause, { part, now }) });
  }
  for (const [part, { alert: cancelled, stoppedDeliveries }] of accepted.cancelled.entries()) {
    const payload = {
      alertId: cancelled.id,
      identifier: cancelled.identifier,
      sender: cancelled.sender,
      cancelledBy: alertId,
      cancelledDeliveries: stoppedDeliveries,
    };
    events.push({ topic, envelope: createEnvelope('alert.cancelled', 1, cancelled.id, payload, cause, { part, now }) });
  }
  return events;
}
