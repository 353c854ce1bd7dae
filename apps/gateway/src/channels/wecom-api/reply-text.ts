/** What WeCom text messages hold (message/send and kf/send_msg alike): 2048 bytes of UTF-8; beyond, it cuts. */
export const TEXT_MAX_BYTES = 2048;

/** Choices for a platform without buttons: numbered lines, which dialogue reads back ("2" means the second). */
export function withNumberedChoices(text: string, choices: readonly string[] | undefined): string {
  if (!choices || choices.length === 0) return text;
  const lines = choices.map((choice, index) => `${index + 1}. ${choice}`);
  return `${text}\n\n您可以回复序号选择：\n${lines.join('\n')}`;
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * A reply cut into parts the platform takes whole, in order: each at most `maxBytes` of UTF-8, cut after a line
 * break where one is near, else after a sentence's end, else between two characters (never inside one).
 */
export function splitForPlatform(text: string, maxBytes = TEXT_MAX_BYTES): string[] {
  const parts: string[] = [];
  let rest = text;
  while (byteLength(rest) > maxBytes) {
    const fits = longestPrefixWithin(rest, maxBytes);
    if (fits === '') throw new RangeError(`maxBytes ${maxBytes} cannot hold one character`);
    const cut = preferredCut(fits);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '' || parts.length === 0) parts.push(rest);
  return parts;
}

/** The longest prefix (in UTF-16 units, ending on a whole character) whose UTF-8 form fits. */
function longestPrefixWithin(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    const size = byteLength(character);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += character.length;
  }
  return text.slice(0, end);
}

/** Where to cut inside a prefix that fits: the last line break or sentence end in its second half, else its end. */
function preferredCut(fits: string): number {
  const half = Math.floor(fits.length / 2);
  const lineBreak = fits.lastIndexOf('\n');
  if (lineBreak >= half) return lineBreak + 1;
  const sentenceEnd = Math.max(...['。', '！', '？', '；', '. ', '! ', '? '].map((end) => fits.lastIndexOf(end)));
  if (sentenceEnd >= half) return sentenceEnd + 1;
  return fits.length;
}
