import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@libs/common/errors/domain-error';
import { KnowledgeFile } from './knowledge-file';

export interface StoredKnowledge {
  document: KnowledgeFile;
  revision: number;
  isWithdrawn: boolean;
  updatedAt: string;
  updatedBy: string;
}

export class KnowledgeItemNotFound extends DomainError {
  constructor(id: string) {
    super('not_found', `知识条目 ${id} 不存在`);
  }
}

export class StaleRevision extends DomainError {
  constructor(id: string, expected: number, actual: number) {
    super('conflict', `知识条目 ${id} 已被他人修改（当前版本 ${actual}，您编辑的是 ${expected}），请刷新后再改`, {
      revision: actual,
    });
  }
}

interface ItemRow {
  id: string;
  document: KnowledgeFile;
  revision: number;
  is_withdrawn: boolean;
  updated_at: Date;
  updated_by: string;
}

/** Policies and guides in the dialogue schema; every change is kept in knowledge_changes. */
@Injectable()
export class KnowledgeStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Everything published and not withdrawn: what the assistant answers from. */
  async published(): Promise<KnowledgeFile[]> {
    const rows: Array<{ document: KnowledgeFile }> = await this.dataSource.query(
      `SELECT document FROM dialogue.knowledge_items WHERE NOT is_withdrawn ORDER BY id`,
    );
    return rows.map((row) => row.document);
  }

  /** A fingerprint of the published state: replicas compare it to notice a change they did not hear about. */
  async stamp(): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::text || ':' || coalesce(sum(revision), 0)::text || ':' || coalesce(max(updated_at)::text, '') AS stamp
         FROM dialogue.knowledge_items`,
    );
    return String(row.stamp);
  }

  async list(): Promise<StoredKnowledge[]> {
    const rows: ItemRow[] = await this.dataSource.query(`SELECT * FROM dialogue.knowledge_items ORDER BY id`);
    return rows.map(view);
  }

  async get(id: string): Promise<StoredKnowledge> {
    const [row]: ItemRow[] = await this.dataSource.query(`SELECT * FROM dialogue.knowledge_items WHERE id = $1`, [id]);
    if (!row) throw new KnowledgeItemNotFound(id);
    return view(row);
  }

  /** Publishes a new document for the item (creating it); with expectedRevision, only if nobody changed it since. */
  publish(document: KnowledgeFile, actor: string, expectedRevision?: number): Promise<StoredKnowledge> {
    return this.change(document.id, actor, expectedRevision, async (tx, revision) => {
      const [row]: ItemRow[] = await tx.query(
        `INSERT INTO dialogue.knowledge_items (id, kind, document, revision, is_withdrawn, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, false, now(), $5)
         ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, document = EXCLUDED.document,
           revision = EXCLUDED.revision, is_withdrawn = false, updated_at = now(), updated_by = EXCLUDED.updated_by
         RETURNING *`,
        [document.id, document.kind, JSON.stringify(document), revision, actor],
      );
      return { row, action: 'publish' as const };
    });
  }

  /** Takes an item out of every answer; its history stays. */
  withdraw(id: string, actor: string, expectedRevision?: number): Promise<StoredKnowledge> {
    return this.change(id, actor, expectedRevision, async (tx, revision, current) => {
      if (!current) throw new KnowledgeItemNotFound(id);
      // TypeORM gives UPDATE … RETURNING as [rows, affected count].
      const [[row]]: [ItemRow[], number] = await tx.query(
        `UPDATE dialogue.knowledge_items SET is_withdrawn = true, revision = $2, updated_at = now(), updated_by = $3
         WHERE id = $1 RETURNING *`,
        [id, revision, actor],
      );
      return { row, action: 'withdraw' as const };
    });
  }

  private change(
    id: string,
    actor: string,
    expectedRevision: number | undefined,
    write: (
      tx: EntityManager,
      revision: number,
      current: ItemRow | undefined,
    ) => Promise<{ row: ItemRow; action: 'publish' | 'withdraw' }>,
  ): Promise<StoredKnowledge> {
    return this.dataSource.transaction(async (tx) => {
      const [current]: ItemRow[] = await tx.query(`SELECT * FROM dialogue.knowledge_items WHERE id = $1 FOR UPDATE`, [
        id,
      ]);
      const revision = current?.revision ?? 0;
      if (expectedRevision !== undefined && expectedRevision !== revision) {
        throw new StaleRevision(id, expectedRevision, revision);
      }
      const { row, action } = await write(tx, revision + 1, current);
      await tx.query(
        `INSERT INTO dialogue.knowledge_changes (item_id, revision, action, document, changed_at, changed_by)
         VALUES ($1, $2, $3, $4, now(), $5)`,
        [id, row.revision, action, JSON.stringify(row.document), actor],
      );
      return view(row);
    });
  }
}

function view(row: ItemRow): StoredKnowledge {
  return {
    document: row.document,
    revision: row.revision,
    isWithdrawn: row.is_withdrawn,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}
