import { Intent } from '../nlu/classifier/intents';

const SWITCHES = new Set<Intent>(['greeting', 'complaint', 'handoff', 'cancel']);

/** Intents that leave a question the assistant asked unanswered, to do what the citizen now wants instead. */
export function leavesTheQuestion(intent: Intent): boolean {
  return SWITCHES.has(intent);
}
