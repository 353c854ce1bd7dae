import { DomainError } from '@libs/common/errors/domain-error';
import { CapReference, referenceText } from '../cap/cap-references';

export class AlertNotFound extends DomainError {
  constructor(id: string) {
    super('not_found', `没有编号为 ${id.slice(0, 40)} 的预警`);
  }
}

/** An Update or Cancel naming alerts we never received: nothing is stored, nothing changes. */
export class UnknownReferences extends DomainError {
  constructor(readonly references: CapReference[]) {
    super(
      'invalid',
      `<references> 所指的预警不存在，未作任何更改：${references.map(referenceText).join('；')}。请核对发布者、标识符与发布时间`,
      {
        issues: references.map((reference) => ({
          path: 'references',
          message: `未找到预警 ${referenceText(reference)}`,
        })),
      },
    );
  }
}

export class ReferencedAlertCancelled extends DomainError {
  constructor(sender: string, identifier: string) {
    super('conflict', `预警 ${sender},${identifier} 已撤销，不能再更新或撤销；如需再次发布，请以新的 Alert 发布`);
  }
}

/** CAP identifiers are unique per sender: the same pair with different content is a mistake, not a repeat. */
export class IdentifierReused extends DomainError {
  constructor(sender: string, identifier: string) {
    super(
      'conflict',
      `发布者 ${sender} 已用标识符 ${identifier} 发布过内容不同的预警；CAP 标识符不可重复使用，请为新预警另取标识符`,
    );
  }
}
