import { Client } from 'pg';
import { eventually, webChat } from '../support/chat';
import { RunningSystem, startSystem } from '../support/running-system';

// 办事提醒 asked for in the web chat: dialogue confirms the day and time and tells the notifier, which keeps the
// reminder (its text encrypted) with a delayed job and, when due, sends it back into the conversation. To make one due
// without waiting, the test moves its due time into the past in Postgres; the notifier's sweep (every 300 ms here)
// runs a job whose row is due by the database's clock, as it would after a clock or schedule change.

let system: RunningSystem;
let chat: ReturnType<typeof webChat>;
let db: Client;

beforeAll(async () => {
  system = await startSystem(['gateway', 'dialogue', 'notifier'], { env: { REMINDER_SWEEP_EVERY_MS: '300' } });
  chat = webChat(system);
  db = new Client({ connectionString: system.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await system?.stop();
});

interface ReminderRow {
  id: string;
  state: string;
  due_at: Date;
  remind_date: string;
  subject_cipher: string;
  lang: string;
}

/** A date some days from now as it is in Beijing, as YYYY-MM-DD. */
function chinaDateIn(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function remindersOf(conversationId: string): Promise<ReminderRow[]> {
  const { rows } = await db.query<ReminderRow>(
    `SELECT id, state, due_at, to_char(remind_date, 'YYYY-MM-DD') AS remind_date, subject_cipher, lang
     FROM notifier.reminders WHERE conversation_id = $1`,
    [conversationId],
  );
  return rows;
}

/** The web chat's session id is its conversation id (apps/gateway/src/webchat/send-chat-message.use-case.ts). */
const conversationOf = (sessionId: string) => sessionId;

async function makeDue(reminderId: string): Promise<void> {
  await db.query(`UPDATE notifier.reminders SET due_at = now() - interval '1 minute' WHERE id = $1`, [reminderId]);
}

describe('a deadline reminder asked for in the web chat', () => {
  it('is confirmed with the day before the deadline at 09:00 Beijing time, kept, and sent back when due', async () => {
    const deadline = chinaDateIn(10);
    const [, month, day] = deadline.split('-').map(Number);
    const answer = await chat.send({ text: `${month}月${day}日前提醒我办理个税年度汇算` });
    expect(answer.status).toBe(200);
    const confirmation = answer.body.replies?.[0].text ?? '';
    const remindOn = chinaDateIn(9);
    const [, remindMonth, remindDay] = remindOn.split('-').map(Number);
    expect(confirmation).toContain(`${remindMonth}月${remindDay}日`);
    expect(confirmation).toContain('上午9点（北京时间）');
    expect(confirmation).toContain('办理个税年度汇算');
    expect(confirmation).toContain('取消提醒');

    const conversationId = conversationOf(answer.body.sessionId);
    const [reminder] = await eventually(async () => {
      const rows = await remindersOf(conversationId);
      if (rows.length === 0) throw new Error('reminder not kept yet');
      return rows;
    });
    expect(reminder).toMatchObject({ state: 'scheduled', remind_date: deadline, lang: 'zh' });
    expect(reminder.due_at.toISOString()).toBe(new Date(`${remindOn}T09:00:00+08:00`).toISOString());
    expect(reminder.subject_cipher).toMatch(/^sm4:/);
    expect(reminder.subject_cipher).not.toContain('个税');

    await makeDue(reminder.id);
    const sent = await eventually(async () => {
      const messages = (await chat.history(answer.body.sessionId)).body.messages;
      const found = messages.find((message) => message.text.startsWith('【办事提醒】'));
      if (!found) throw new Error('reminder not in the conversation yet');
      return found;
    });
    expect(sent).toMatchObject({ direction: 'out' });
    expect(sent.text).toContain('办理个税年度汇算');
    expect(sent.text).toContain(`${month}月${day}日`);
    await eventually(async () => expect((await remindersOf(conversationId))[0].state).toBe('sent'));
  });

  it('asks for the day when none was said, then takes it', async () => {
    const asked = await chat.send({ text: '提醒我去交材料' });
    expect(asked.body.replies?.[0].text).toContain('哪一天');
    const answered = await chat.send({ sessionId: asked.body.sessionId, text: '下周五' });
    const confirmation = answered.body.replies?.[0].text ?? '';
    expect(confirmation).toContain('上午9点（北京时间）');
    expect(confirmation).toContain('去交材料');
    const conversationId = conversationOf(asked.body.sessionId);
    await eventually(async () => expect(await remindersOf(conversationId)).toHaveLength(1));
  });

  it('says a date gone by is past, and keeps nothing', async () => {
    const yesterday = chinaDateIn(-1);
    const answer = await chat.send({ text: `${yesterday}提醒我交材料` });
    expect(answer.body.replies?.[0].text).toContain('已经过去');
    const conversationId = conversationOf(answer.body.sessionId);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await remindersOf(conversationId)).toHaveLength(0);
  });

  it('is not sent once the citizen writes 取消提醒', async () => {
    const answer = await chat.send({ text: '提醒我下周五去交材料' });
    const sessionId = answer.body.sessionId;
    const conversationId = conversationOf(sessionId);
    const [reminder] = await eventually(async () => {
      const rows = await remindersOf(conversationId);
      if (rows.length === 0) throw new Error('reminder not kept yet');
      return rows;
    });

    const cancelled = await chat.send({ sessionId, text: '取消提醒' });
    expect(cancelled.body.replies?.[0].text).toContain('已取消');
    await eventually(async () => expect((await remindersOf(conversationId))[0].state).toBe('cancelled'));

    await makeDue(reminder.id);
    // Several sweeps' worth of time: a cancelled reminder has no job, and its row is not scheduled any more.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const messages = (await chat.history(sessionId)).body.messages;
    expect(messages.some((message) => message.text.startsWith('【办事提醒】'))).toBe(false);
    expect((await remindersOf(conversationId))[0].state).toBe('cancelled');
  });
});
