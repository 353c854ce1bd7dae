import { extractAmounts } from './extract-amounts';
import { extractDates } from './extract-dates';
import { extractFamily } from './extract-family';
import { extractHousehold } from './extract-household';
import { extractIdentity } from './extract-identity';
import { readRegions } from './extract-region';
import { extractSocialInsuranceYears } from './extract-social-insurance';
import { splitClauses } from './message-clauses';
import { normalizeMessage } from './normalize-message';
import { regionGazetteer } from './region-gazetteer';
import type { Slots } from './slots';

export interface SlotOptions {
  /** Today in Beijing, YYYY-MM-DD: relative dates (明天, 下周一, 12月3日) need it; without it they are left out. */
  today?: string;
  /** The service's city, for 本地户籍 and for place names several cities share (白云区). Guangzhou by default. */
  homeCityCode?: string;
}

export const DEMO_HOME_CITY_CODE = '440100';

const TICKET_NO = /(?<![A-Za-z0-9])GD\d{14,}(?!\d)/i;

/**
 * The facts a citizen's message states: place, dates, amounts, identity, hukou, years of social insurance, family,
 * ticket number. Pure and fast (a few tens of microseconds for a chat message); a slot the text does not state is
 * absent.
 */
export function extractSlots(text: string, options: SlotOptions = {}): Slots {
  const homeCityCode = options.homeCityCode ?? DEMO_HOME_CITY_CODE;
  const normalized = normalizeMessage(text);
  const clauses = splitClauses(normalized);
  const mentions = regionGazetteer.findMentions(normalized);
  const slots: Slots = {};

  const [region, ...otherRegions] = readRegions(mentions, homeCityCode);
  if (region) slots.region = region;
  if (otherRegions.length > 0) slots.otherRegions = otherRegions;

  const dates = extractDates(normalized, options.today);
  if (dates.length > 0) slots.dates = dates;

  const amounts = extractAmounts(clauses);
  if (amounts) slots.amounts = amounts;

  const identity = extractIdentity(clauses);
  if (identity.tags.length > 0) slots.identityTags = identity.tags;
  if (identity.denied.length > 0) slots.deniedIdentityTags = identity.denied;
  if (identity.age !== undefined) slots.age = identity.age;

  const household = extractHousehold(normalized, mentions, homeCityCode);
  if (household) slots.household = household;

  const socialInsuranceYears = extractSocialInsuranceYears(clauses);
  if (socialInsuranceYears !== undefined) slots.socialInsuranceYears = socialInsuranceYears;

  const family = extractFamily(clauses);
  if (family.familySize !== undefined) slots.familySize = family.familySize;
  if (family.children) slots.children = family.children;
  if (family.parentsOver60 !== undefined) slots.parentsOver60 = family.parentsOver60;
  if (family.isOnlyChild !== undefined) slots.isOnlyChild = family.isOnlyChild;

  const ticketNo = TICKET_NO.exec(normalized)?.[0];
  if (ticketNo) slots.ticketNo = ticketNo.toUpperCase();
  return slots;
}
