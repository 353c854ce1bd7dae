import { z } from 'zod';
import { GeoPoint, MAX_CITIZEN_TEXT } from '@libs/common/contracts/common-fields';

type Position = z.infer<typeof GeoPoint>;

/** What a citizen sent, as the inbound contract carries it, before gateway knows the conversation. */
export type MessageContent =
  | { kind: 'text'; text: string }
  | { kind: 'location'; location: Position }
  | { kind: 'event'; event: string }
  | { kind: 'media'; mediaType: 'image' | 'voice' | 'video' | 'file' };

/** A platform message gateway passes on, or one it leaves (with why, for the log). */
export type PlatformReading =
  | { kind: 'accept'; sender: string; platformMessageId: string; content: MessageContent }
  | { kind: 'skip'; reason: string };

/**
 * A citizen's text as the contract takes it: trimmed, at most MAX_CITIZEN_TEXT characters (whole characters,
 * counted as a person would). Empty: nothing to pass on.
 */
export function citizenText(raw: string): MessageContent | undefined {
  const characters = [...raw.trim()];
  if (characters.length === 0) return undefined;
  return { kind: 'text', text: characters.slice(0, MAX_CITIZEN_TEXT).join('') };
}

/** A position in the contract's form, or undefined when the platform's numbers are not a place on Earth. */
export function geoPoint(
  latitude: string | number | undefined,
  longitude: string | number | undefined,
  label?: string,
): Position | undefined {
  if (latitude === undefined || longitude === undefined) return undefined;
  if (String(latitude).trim() === '' || String(longitude).trim() === '') return undefined;
  const name = label?.trim();
  const point = GeoPoint.safeParse({
    lat: Number(latitude),
    lon: Number(longitude),
    ...(name ? { label: [...name].slice(0, 200).join('') } : {}),
  });
  return point.success ? point.data : undefined;
}
