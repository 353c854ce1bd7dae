import { z } from 'zod';
import { Channel, GeoPoint } from '@libs/common/contracts/common-fields';
import { RegionRef, RegionSlot } from '../nlu/slots/slots';
import { AlertChannel, AlertSubscriptionAction, alertChannelOf } from './alert-subscription-request';

type Location = z.infer<typeof GeoPoint>;

/** More places than this sharing a name are not worth listing: the citizen is asked for the district in full. */
const MAX_CANDIDATES = 6;

/** What to do with a citizen's wish for alerts (订阅预警) or to stop them, given what they said or shared. */
export type SubscriptionStep =
  /** The channel only answers (web chat, 微信客服): say honestly where alerts can be subscribed to. */
  | { type: 'elsewhere'; action: AlertSubscriptionAction }
  | { type: 'unsubscribe'; channel: AlertChannel }
  | { type: 'subscribe_region'; channel: AlertChannel; region: RegionRef }
  | { type: 'subscribe_location'; channel: AlertChannel; location: Location }
  /** Nothing said of where: which district, or share a location (not over SMS, which cannot carry one). */
  | { type: 'ask_place'; channel: AlertChannel; canShareLocation: boolean }
  /** 鼓楼区: several places have the name. */
  | { type: 'ask_which'; channel: AlertChannel; candidates: RegionRef[] }
  /** A whole province: alerts are issued for cities and districts, so ask which. */
  | { type: 'ask_smaller'; channel: AlertChannel; region: RegionRef };

export interface SubscriptionRequest {
  channel: Channel;
  action: AlertSubscriptionAction;
  /** The place the message names, as the slot reader read it. */
  region?: RegionSlot;
  /** The location the citizen shared with this message. */
  location?: Location;
}

/** The next step of a subscription: a location shared wins over a name; a name must be one city or district. */
export function subscriptionStep(request: SubscriptionRequest): SubscriptionStep {
  const channel = alertChannelOf(request.channel);
  if (!channel) return { type: 'elsewhere', action: request.action };
  if (request.action === 'unsubscribe') return { type: 'unsubscribe', channel };
  if (request.location) return { type: 'subscribe_location', channel, location: request.location };
  const region = request.region;
  if (region?.status === 'resolved') {
    const { code, name, level, fullName } = region;
    const ref = { code, name, level, fullName };
    return level === 'province'
      ? { type: 'ask_smaller', channel, region: ref }
      : { type: 'subscribe_region', channel, region: ref };
  }
  if (region?.status === 'ambiguous' && region.candidates.length <= MAX_CANDIDATES) {
    return { type: 'ask_which', channel, candidates: region.candidates };
  }
  return { type: 'ask_place', channel, canShareLocation: channel !== 'sms' };
}
