import { regionContains, regionLevel } from '@libs/common/regions/region-code';
import { isWithinAny, RegionEntry, RegionMention } from './region-gazetteer';
import type { RegionRef, RegionResolution, RegionSlot } from './slots';

interface Reading {
  mention: RegionMention;
  candidates: RegionEntry[];
  resolvedBy?: RegionResolution;
}

/**
 * The places a message names, most specific first. A name several places share is narrowed by a place containing
 * one of them elsewhere in the text (南京鼓楼区, 朝阳区…长春), then by the service's own city and province (白云区 in
 * Guangzhou, 中山 in Guangdong); what is still shared is returned as ambiguous with its candidates, never guessed.
 * A place that only says where a more specific one is (广州 in 广州天河区) is not repeated.
 */
export function readRegions(mentions: readonly RegionMention[], homeCityCode: string): RegionSlot[] {
  const homeProvinceCode = `${homeCityCode.slice(0, 2)}0000`;
  const readings = mentions.flatMap((mention, index) =>
    readingOf(mention, mentions[index - 1], mentions, homeProvinceCode),
  );
  narrowByOtherMentions(readings);
  for (const reading of readings) {
    if (!reading.resolvedBy) narrowByHome(reading, homeCityCode);
  }
  return mostSpecificFirst(withoutContainers(readings)).map(toSlot);
}

function readingOf(
  mention: RegionMention,
  before: RegionMention | undefined,
  mentions: readonly RegionMention[],
  homeProvinceCode: string,
): Reading[] {
  if (mention.isEverydayWord) {
    const inPlaceBefore = everydayWordInContext(mention, before);
    return inPlaceBefore ? [{ mention, candidates: [inPlaceBefore], resolvedBy: 'context' }] : [];
  }
  const elsewhere = mentions
    .filter((other) => other !== mention && !other.isEverydayWord)
    .flatMap((other) => other.candidates);
  const isRemote = (candidate: RegionEntry) => isRemoteCountyShortName(mention, candidate, homeProvinceCode);
  const candidates = mention.candidates.filter(
    (candidate) => !isRemote(candidate) || isWithinAny(candidate, elsewhere),
  );
  if (candidates.length !== 1) return candidates.length === 0 ? [] : [{ mention, candidates }];
  const [only] = candidates;
  if (isRemote(only)) return [{ mention, candidates, resolvedBy: 'context' }];
  if (mention.candidates.length === 1) return [{ mention, candidates, resolvedBy: 'name' }];
  // 南山: 深圳南山区 is read alone; 鹤岗南山区 would have needed its city said.
  return [{ mention, candidates, resolvedBy: regionContains(homeProvinceCode, only.code) ? 'homeProvince' : 'name' }];
}

/**
 * Outside the home province a county is named with its city (福州鼓楼, 上海浦东) or in full (浦东新区); two characters
 * alone are too often part of other words in citizens' messages (拆迁安置 迁安, 和政府 和政, 新修水泥路 修水, 收费县 费县).
 */
function isRemoteCountyShortName(mention: RegionMention, candidate: RegionEntry, homeProvinceCode: string): boolean {
  return (
    mention.surface.length <= 2 && candidate.level === 'district' && !regionContains(homeProvinceCode, candidate.code)
  );
}

/** 光明 counts in 深圳光明, 城区 in 汕尾城区: right after a place that contains exactly one of its candidates. */
function everydayWordInContext(mention: RegionMention, before: RegionMention | undefined): RegionEntry | undefined {
  if (!before || before.end !== mention.start) return undefined;
  const inside = mention.candidates.filter((candidate) => isWithinAny(candidate, before.candidates));
  return inside.length === 1 ? inside[0] : undefined;
}

function narrowByOtherMentions(readings: Reading[]): void {
  // Two rounds: a name resolved in the first (南京 → 鼓楼区) may narrow another in the second.
  for (let round = 0; round < 2; round += 1) {
    const anchors = readings
      .filter((reading) => reading.candidates.length === 1)
      .map((reading) => reading.candidates[0]);
    for (const reading of readings) {
      if (reading.candidates.length === 1) continue;
      const inside = reading.candidates.filter((candidate) => isWithinAny(candidate, anchors));
      if (inside.length === 0) continue;
      reading.candidates = inside;
      if (inside.length === 1) reading.resolvedBy = 'context';
    }
  }
}

function narrowByHome(reading: Reading, homeCityCode: string): void {
  const homeProvinceCode = `${homeCityCode.slice(0, 2)}0000`;
  const inCity = reading.candidates.filter((candidate) => regionContains(homeCityCode, candidate.code));
  if (inCity.length === 1) {
    reading.candidates = inCity;
    reading.resolvedBy = 'homeCity';
    return;
  }
  const inProvince = reading.candidates.filter((candidate) => regionContains(homeProvinceCode, candidate.code));
  if (inProvince.length === 1) {
    reading.candidates = inProvince;
    reading.resolvedBy = 'homeProvince';
  }
}

function withoutContainers(readings: Reading[]): Reading[] {
  const resolved = readings.filter((reading) => reading.resolvedBy).map((reading) => reading.candidates[0]);
  const seen = new Set<string>();
  return readings.filter((reading) => {
    if (!reading.resolvedBy) {
      const key = reading.candidates.map((candidate) => candidate.code).join();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }
    const entry = reading.candidates[0];
    if (seen.has(entry.code) || isContainerOfAny(entry, resolved)) return false;
    seen.add(entry.code);
    return true;
  });
}

function isContainerOfAny(outer: RegionEntry, entries: readonly RegionEntry[]): boolean {
  return entries.some((inner) => inner.code !== outer.code && regionContains(outer.code, inner.code));
}

function mostSpecificFirst(readings: Reading[]): Reading[] {
  const depth = (reading: Reading) => Math.max(...reading.candidates.map((candidate) => regionLevel(candidate.code)));
  return [...readings].sort((a, b) => depth(b) - depth(a) || a.mention.start - b.mention.start);
}

function toSlot(reading: Reading): RegionSlot {
  const mention = reading.mention.surface;
  if (reading.resolvedBy)
    return { status: 'resolved', ...toRef(reading.candidates[0]), mention, resolvedBy: reading.resolvedBy };
  return { status: 'ambiguous', mention, candidates: reading.candidates.map(toRef) };
}

function toRef(entry: RegionEntry): RegionRef {
  return { code: entry.code, name: entry.name, level: entry.level, fullName: entry.fullName };
}
