import { AlertSubscriptionRequestedV1 } from '@libs/common/contracts/conversation-events.v1';
import { AlertChannel } from './alert-subscription-settings';
import type { ExistingSubscription } from './notifier-subscribers-client';

/** The notifier takes at most this many regions per subscription. */
const MAX_REGIONS = 20;

/** The body of POST /api/v1/channel-subscribers. */
export interface SubscriptionRegistration {
  channel: AlertChannel;
  address: string;
  regionCodes: string[];
  location: { lat: number; lon: number } | null;
  coordinateSystem: 'wgs84' | 'gcj02';
  lang: AlertSubscriptionRequestedV1['lang'];
  elderMode: boolean;
  quietHours: { start: string; end: string } | null;
  preference?: number;
}

/**
 * A chat subscription as the notifier registers it. The notifier replaces a registration as a whole, so what the
 * citizen set up before is carried over: the districts already subscribed to (a second 订阅预警 adds one, newest
 * first when over the limit), a location (stored WGS-84) unless a new one is shared, quiet hours and channel order.
 * Language and elder mode are the conversation's now.
 */
export function registrationFor(
  channel: AlertChannel,
  address: string,
  request: Pick<AlertSubscriptionRequestedV1, 'regionCodes' | 'location' | 'lang' | 'elderMode'>,
  existing?: ExistingSubscription,
): SubscriptionRegistration {
  const regionCodes = [...new Set([...request.regionCodes, ...(existing?.regionCodes ?? [])])].slice(0, MAX_REGIONS);
  const location = request.location
    ? { lat: request.location.lat, lon: request.location.lon }
    : (existing?.location ?? null);
  return {
    channel,
    address,
    regionCodes,
    location,
    coordinateSystem: request.location?.coordinateSystem ?? 'wgs84',
    lang: request.lang,
    elderMode: request.elderMode,
    quietHours: existing?.quietHours ?? null,
    ...(existing ? { preference: existing.preference } : {}),
  };
}
