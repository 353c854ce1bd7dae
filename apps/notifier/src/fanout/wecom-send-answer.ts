import { z } from 'zod';

/** What message/send answers besides errcode: the recipients it could not deliver to, each list `|`-separated. */
export const WeComSendAnswer = z.object({
  invaliduser: z.string().optional(),
  unlicenseduser: z.string().optional(),
  msgid: z.string().optional(),
});
export type WeComSendAnswer = z.infer<typeof WeComSendAnswer>;

/**
 * The userids of a message/send that did not get it, with why: `invaliduser` (no such member, or outside the app's
 * visible range) and `unlicenseduser` (no 接口许可 for the member). WeCom still answers errcode 0 for the others.
 */
export function refusedUserIds(answer: WeComSendAnswer): Map<string, string> {
  const refused = new Map<string, string>();
  const add = (list: string | undefined, code: string) => {
    for (const userId of (list ?? '').split('|')) if (userId !== '' && !refused.has(userId)) refused.set(userId, code);
  };
  add(answer.invaliduser, 'invaliduser');
  add(answer.unlicenseduser, 'unlicenseduser');
  return refused;
}
