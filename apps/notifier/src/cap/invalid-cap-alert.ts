import { DomainError } from '@libs/common/errors/domain-error';

/**
 * One thing wrong with a CAP document: where (the element path, indices from 0: "info[0].area[1].polygon[0]"; empty
 * for the document as a whole) and what, in words an emergency officer can act on.
 */
export interface CapIssue {
  path: string;
  message: string;
}

/** Enough to fix a document in one go; beyond this the rest repeat the same mistake. */
const MAX_ISSUES = 50;

/** A CAP document refused: 400 with every problem found, as { path, message } like any other invalid body. */
export class InvalidCapAlert extends DomainError {
  constructor(readonly issues: CapIssue[]) {
    const listed = issues.slice(0, MAX_ISSUES);
    super(
      'invalid',
      `CAP 1.2 预警文档未通过校验，共 ${issues.length} 处问题：` +
        listed.map((issue) => (issue.path ? `${issue.path}：${issue.message}` : issue.message)).join('；'),
      { issues: listed },
    );
  }
}

/** ['info', 0, 'area', 1, 'polygon', 0] → "info[0].area[1].polygon[0]". */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
