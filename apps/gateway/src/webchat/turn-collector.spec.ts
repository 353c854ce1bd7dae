import { StoredMessage } from '../conversations/conversation-store';
import { TurnCollector } from './turn-collector';

const reply = (id: string, inReplyTo: string, endOfTurn?: boolean): StoredMessage => ({
  id,
  direction: 'out',
  text: id,
  inReplyTo,
  endOfTurn,
  createdAt: '2026-11-26T00:00:00.000Z',
});

describe('collecting the replies of one turn', () => {
  it('finishes on the reply that ends the turn, ignoring other messages and repeats', async () => {
    const collector = new TurnCollector('m1', 5000);
    collector.offer(reply('r0', 'other-message'));
    collector.offer(reply('r1', 'm1', false));
    collector.offer(reply('r1', 'm1', false));
    collector.offer(reply('r2', 'm1', true));
    expect(await collector.done).toEqual({
      replies: [reply('r1', 'm1', false), reply('r2', 'm1', true)],
      isComplete: true,
    });
  });

  it('gives what it has when the time is up', async () => {
    const collector = new TurnCollector('m1', 20);
    collector.offer(reply('r1', 'm1', false));
    expect(await collector.done).toEqual({ replies: [reply('r1', 'm1', false)], isComplete: false });
  });
});
