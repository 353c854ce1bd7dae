import { CapMsgType, CapSeverity, CapUrgency } from './cap-enumerations';

/**
 * How pressing an alert is, for the fan-out queues: 1 first, 25 last (BullMQ's order). Severity outranks urgency
 * (an Extreme alert expected in an hour goes before a Minor one happening now); within a severity, the more urgent
 * goes first. An alert with several <info> blocks counts as its most pressing one. A cancellation goes before
 * everything: people must stop acting on a withdrawn warning.
 */
export function alertPriority(
  msgType: CapMsgType,
  infos: ReadonlyArray<{ urgency: CapUrgency; severity: CapSeverity }>,
): number {
  if (msgType === 'Cancel') return 1;
  const priorities = infos.map(
    (info) => CapSeverity.indexOf(info.severity) * CapUrgency.length + CapUrgency.indexOf(info.urgency) + 1,
  );
  return priorities.length > 0 ? Math.min(...priorities) : CapSeverity.length * CapUrgency.length;
}

/** The most severe and the most urgent of an alert's infos, as the events report them; Unknown without infos. */
export function headlineRatings(infos: ReadonlyArray<{ urgency: CapUrgency; severity: CapSeverity }>): {
  severity: CapSeverity;
  urgency: CapUrgency;
} {
  const first = <T extends string>(order: readonly T[], values: T[]) =>
    order.find((value) => values.includes(value)) ?? order[order.length - 1];
  return {
    severity: first(
      CapSeverity,
      infos.map((info) => info.severity),
    ),
    urgency: first(
      CapUrgency,
      infos.map((info) => info.urgency),
    ),
  };
}
