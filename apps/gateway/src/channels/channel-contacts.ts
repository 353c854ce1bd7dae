import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Channel } from '@libs/common/contracts/common-fields';
import { DomainError } from '@libs/common/errors/domain-error';
import { BlindIndex } from '@libs/common/pii/blind-index';
import { FieldCipher } from '@libs/common/pii/field-cipher';

/** Where a reply goes: the platform's user id (in clear, for the sender only) on our account of the channel. */
export interface ChannelContact {
  channel: Channel;
  account: string;
  address: string;
  conversationId: string;
  citizenId: string;
}

export class ContactNotFound extends DomainError {
  constructor(conversationId: string) {
    super('not_found', `conversation ${conversationId} has no channel contact`);
  }
}

/**
 * The platform side of conversations. A platform user id is personal data: stored encrypted, found by its blind
 * index, and turned into a pseudonymous citizen id for everything downstream. The first message from someone opens
 * their conversation; later ones continue it.
 */
@Injectable()
export class ChannelContacts {
  /**
   * A contact never changes once opened (its conversation and citizen id are fixed), so every replica may keep the
   * recent ones: a callback then finds its conversation without a query. Keyed by blind index, never by address.
   */
  private readonly known = new Map<string, KnownContact>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly blindIndex: BlindIndex,
  ) {}

  /** The conversation with this platform user on this account of the channel, opened on first contact. */
  async conversationOf(channel: Channel, account: string, address: string): Promise<ChannelContact> {
    const addressIndex = this.blindIndex.ofExact(`contact:${channel}:${account}`, address);
    const found = this.known.get(addressIndex) ?? (await this.find(channel, account, addressIndex));
    if (found) return { ...this.remember(addressIndex, found), address };
    const conversationId = randomUUID();
    // The citizen id is derived from the index (stable, pseudonymous), never from the address itself.
    const citizenId = `${channel}:${addressIndex.slice(0, 22)}`;
    await this.dataSource
      .transaction(async (tx) => {
        await tx.query(
          `INSERT INTO gateway.conversations (id, channel, citizen_id, lang, created_at) VALUES ($1, $2, $3, NULL, now())`,
          [conversationId, channel, citizenId],
        );
        const [inserted] = await tx.query(
          `INSERT INTO gateway.channel_contacts (channel, account, address_index, address_cipher, conversation_id, created_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (channel, account, address_index) DO NOTHING RETURNING conversation_id`,
          [channel, account, addressIndex, this.cipher.encrypt(address), conversationId],
        );
        // Someone else opened it at the same moment: theirs stands, ours is rolled back.
        if (!inserted) throw new ConcurrentFirstContact();
      })
      .catch((error) => {
        if (!(error instanceof ConcurrentFirstContact)) throw error;
      });
    const stored = await this.find(channel, account, addressIndex);
    if (!stored) throw new Error('channel contact vanished after insert');
    return { ...this.remember(addressIndex, stored), address };
  }

  /** Where to send a conversation's replies. */
  async contactOf(conversationId: string): Promise<ChannelContact> {
    const [row]: Array<{ channel: Channel; account: string; address_cipher: string; citizen_id: string }> =
      await this.dataSource.query(
        `SELECT k.channel, k.account, k.address_cipher, c.citizen_id
           FROM gateway.channel_contacts k JOIN gateway.conversations c ON c.id = k.conversation_id
          WHERE k.conversation_id = $1`,
        [conversationId],
      );
    if (!row) throw new ContactNotFound(conversationId);
    return {
      channel: row.channel,
      account: row.account,
      address: this.cipher.decrypt(row.address_cipher),
      conversationId,
      citizenId: row.citizen_id,
    };
  }

  /** Keeps the most recently seen contacts, dropping the least recent beyond KNOWN_CONTACTS. */
  private remember(addressIndex: string, contact: KnownContact): KnownContact {
    this.known.delete(addressIndex);
    this.known.set(addressIndex, contact);
    const oldest = this.known.keys().next().value;
    if (this.known.size > KNOWN_CONTACTS && oldest !== undefined) this.known.delete(oldest);
    return contact;
  }

  private async find(channel: Channel, account: string, addressIndex: string): Promise<KnownContact | undefined> {
    const [row]: Array<{ conversation_id: string; citizen_id: string }> = await this.dataSource.query(
      `SELECT k.conversation_id, c.citizen_id
         FROM gateway.channel_contacts k JOIN gateway.conversations c ON c.id = k.conversation_id
        WHERE k.channel = $1 AND k.account = $2 AND k.address_index = $3`,
      [channel, account, addressIndex],
    );
    return row ? { channel, account, conversationId: row.conversation_id, citizenId: row.citizen_id } : undefined;
  }
}

class ConcurrentFirstContact extends Error {}

type KnownContact = Omit<ChannelContact, 'address'>;
const KNOWN_CONTACTS = 50_000;
