import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreateTicketV1 } from '@libs/common/contracts/ticket-commands.v1';
import { dataSourceOptions, runMigrations } from '@libs/common/database/app-database';
import { createLogger } from '@libs/common/logging/logger';
import { FieldCipher } from '@libs/common/pii/field-cipher';
import { ticketingDatabase } from '../../apps/ticketing/src/database';
import { NewTicket, TicketStore } from '../../apps/ticketing/src/tickets/ticket-store';
import { testInfrastructure } from '../support/test-infrastructure';

// TicketStore.insertAll on real PostgreSQL: many tickets in one statement, each once per command.

let dataSource: DataSource;
let store: TicketStore;

beforeAll(async () => {
  const db = ticketingDatabase(await testInfrastructure().freshDatabase('ticket_store'));
  await runMigrations(db, createLogger('ticket-store-test', 'silent'));
  dataSource = await new DataSource(dataSourceOptions(db)).initialize();
  await dataSource.query(
    `INSERT INTO ticketing.departments (code, name, region_code) VALUES ('440106-zjj', '天河区住房和建设局', '440106')`,
  );
  store = new TicketStore(dataSource, new FieldCipher(new Map([['t1', randomBytes(32)]]), 't1'));
});
afterAll(() => dataSource?.destroy());

function newTicket(description: string): NewTicket {
  const command: CreateTicketV1 = {
    conversationId: randomUUID(),
    channel: 'webchat',
    citizenId: 'citizen-1',
    sourceMessageId: randomUUID(),
    category: '城乡建设',
    regionCode: '440106',
    description,
    lang: 'zh',
    summary: { kind: '投诉', problem: description, place: '棠下小区' },
    location: { lat: 23.13, lon: 113.36, label: '棠下小区东门' },
  };
  const acceptedAt = new Date('2026-11-26T02:00:00Z');
  return {
    command,
    sourceCommandId: randomUUID(),
    departmentCode: '440106-zjj',
    acceptedAt,
    workingDays: 5,
    dueAt: new Date('2026-12-03T10:00:00Z'),
    signDueAt: new Date('2026-11-27T10:00:00Z'),
  };
}

it('inserts many tickets in one go, numbered in the order given, each with its own fields and first history line', async () => {
  const given = ['路灯不亮', '井盖缺失', '工地夜间施工'].map(newTicket);
  const tickets = await store.insertAll(given);

  expect(tickets.map((ticket) => ticket.sourceCommandId)).toEqual(given.map((ticket) => ticket.sourceCommandId));
  expect(tickets.map((ticket) => store.description(ticket))).toEqual(['路灯不亮', '井盖缺失', '工地夜间施工']);
  const numbers = tickets.map((ticket) => ticket.ticketNo);
  expect(numbers.every((no) => /^GD20261126\d{6,}$/.test(no))).toBe(true);
  expect([...numbers].sort()).toEqual(numbers);
  expect(tickets[1]).toMatchObject({
    conversationId: given[1].command.conversationId,
    status: 'assigned',
    departmentCode: '440106-zjj',
    workingDays: 5,
    dueAt: given[1].dueAt,
    signDueAt: given[1].signDueAt,
    location: given[1].command.location,
    summary: given[1].command.summary,
  });
  const [{ lines }] = await dataSource.query(
    `SELECT count(*)::int AS lines FROM ticketing.ticket_history WHERE ticket_id = ANY($1) AND action = 'dispatch'`,
    [tickets.map((ticket) => ticket.id)],
  );
  expect(lines).toBe(3);
});

it('finds the ticket a command already opened, also when the same command comes twice in one batch', async () => {
  const [first] = await store.insertAll([newTicket('小区噪音')]);
  const again = { ...newTicket('小区噪音'), sourceCommandId: first.sourceCommandId };
  const fresh = newTicket('垃圾未清运');

  const tickets = await store.insertAll([again, fresh, { ...fresh }]);

  expect(tickets.map((ticket) => ticket.ticketNo)).toEqual([first.ticketNo, tickets[1].ticketNo, tickets[1].ticketNo]);
  expect(tickets[1].ticketNo).not.toBe(first.ticketNo);
  const [{ count }] = await dataSource.query(
    `SELECT count(*)::int AS count FROM ticketing.tickets WHERE source_command_id = ANY($1)`,
    [[first.sourceCommandId, fresh.sourceCommandId]],
  );
  expect(count).toBe(2);
});
