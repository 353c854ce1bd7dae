import { Body, Controller, Delete, Get, Headers, Param, Put } from '@nestjs/common';
import { z } from 'zod';
import { StaffClaims } from '@libs/common/auth/staff';
import { CurrentStaff, StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { DomainError } from '@libs/common/errors/domain-error';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { KnowledgeBase } from './knowledge-base';
import { KnowledgeFile } from './knowledge-file';
import { KnowledgeStore, StoredKnowledge } from './knowledge-store';

const ItemId = z.string().regex(/^[a-z0-9-]{3,64}$/, '条目编号只能包含小写字母、数字和连字符');
/** If-Match: "<revision>" makes an edit refuse to overwrite someone else's newer one. */
const IfMatch = z
  .string()
  .regex(/^"?\d+"?$/, 'If-Match 应为条目的版本号，例如 "3"')
  .transform((value) => Number(value.replace(/"/g, '')))
  .optional();

/**
 * The knowledge base for administrators: read, publish (create or replace an item with all its dated versions),
 * withdraw. A change is live in every dialogue replica within seconds.
 */
@Controller('api/v1/knowledge')
@StaffOnly('admin')
export class KnowledgeController {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly knowledgeBase: KnowledgeBase,
  ) {}

  @Get()
  async list() {
    return { items: (await this.store.list()).map(summary) };
  }

  @Get(':id')
  get(@Param('id', new ZodPipe(ItemId)) id: string) {
    return this.store.get(id);
  }

  @Put(':id')
  async publish(
    @Param('id', new ZodPipe(ItemId)) id: string,
    @Body(new ZodPipe(KnowledgeFile)) document: KnowledgeFile,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    if (document.id !== id) throw new DomainError('invalid', `正文中的 id（${document.id}）与地址中的（${id}）不一致`);
    const stored = await this.store.publish(document, staff.username, new ZodPipe(IfMatch).transform(ifMatch));
    await this.knowledgeBase.announceChange();
    return stored;
  }

  @Delete(':id')
  async withdraw(
    @Param('id', new ZodPipe(ItemId)) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentStaff() staff: StaffClaims,
  ) {
    const stored = await this.store.withdraw(id, staff.username, new ZodPipe(IfMatch).transform(ifMatch));
    await this.knowledgeBase.announceChange();
    return stored;
  }
}

function summary(item: StoredKnowledge) {
  const latest = item.document.versions[item.document.versions.length - 1];
  return {
    id: item.document.id,
    kind: item.document.kind,
    title: latest.title,
    revision: item.revision,
    isWithdrawn: item.isWithdrawn,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
    versions: item.document.versions.map(({ version, effectiveFrom, effectiveUntil }) => ({
      version,
      effectiveFrom,
      effectiveUntil: effectiveUntil ?? null,
    })),
  };
}
