import { z } from 'zod';

/** A message that does not match its topic's schema: on produce a bug of ours, on consume a dead letter. */
export class ContractViolation extends Error {
  constructor(
    readonly topic: string,
    readonly error: z.ZodError,
  ) {
    super(`message does not match the ${topic} contract: ${describeIssues(error)}`);
    this.name = 'ContractViolation';
  }
}

/** Paths and messages only: never the offending values, which may be personal data. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`)
    .join('; ');
}
