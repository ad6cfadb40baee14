import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuthorKind, ConversationKind, MessageI18n } from '@lc/protocol';

@Entity('discuss_conversation')
export class Conversation {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: ConversationKind;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'integer', nullable: true }) lastMessageId!: number | null;
  @CreateDateColumn() createdAt!: Date;
}

/** A user in a conversation, with their read position (drives bold/unread everywhere). */
@Entity('discuss_member')
@Index(['conversationId', 'userId'], { unique: true })
export class Member {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'integer' }) conversationId!: number;
  @Index() @Column({ type: 'integer' }) userId!: number;
  @Column({ type: 'integer', default: 0 }) lastSeenMessageId!: number;
}

@Entity('discuss_message')
@Index(['conversationId', 'id'])
export class MessageRecord {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'integer' }) conversationId!: number;
  @Column({ type: 'varchar', length: 8 }) authorKind!: AuthorKind;
  /** A user id, a live chat session id for visitors, null for system messages. */
  @Column({ type: 'integer', nullable: true }) authorId!: number | null;
  /** The name shown at the time of writing (the Online Chat Name in live chats). */
  @Column({ type: 'varchar', length: 100 }) authorName!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) clientId!: string | null;
  @CreateDateColumn() createdAt!: Date;
  /** A system message's translation key and parameters (see Message.i18n); null for the others. */
  @Column({ type: 'simple-json', nullable: true }) i18n!: MessageI18n | null;
}
