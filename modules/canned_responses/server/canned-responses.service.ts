import { translatableError } from '@lc/platform/server';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository, type FindOptionsWhere } from 'typeorm';
import type { AuthUser } from '@lc/platform/server';
import type { CannedResponseItem, CreateCannedResponseRequest, UpdateCannedResponseRequest } from './dto';
import { CannedResponse } from './entities';

/**
 * Operators keep their own canned responses; managers (and admins) see and manage everyone's. A response
 * the user may not see is answered like an unknown one (404).
 */
@Injectable()
export class CannedResponsesService {
  constructor(@InjectRepository(CannedResponse) private readonly responses: Repository<CannedResponse>) {}

  async list(user: AuthUser): Promise<CannedResponseItem[]> {
    const rows = await this.responses.find({ where: this.visibleTo(user), order: { shortcut: 'ASC', id: 'ASC' } });
    return rows.map(toItem);
  }

  async get(user: AuthUser, id: number): Promise<CannedResponseItem> {
    return toItem(await this.find(user, id));
  }

  async create(user: AuthUser, body: CreateCannedResponseRequest): Promise<CannedResponseItem> {
    await this.ensureFree(user.id, body.shortcut);
    const now = Date.now();
    const row = this.responses.create({ ownerId: user.id, ownerName: user.name, shortcut: body.shortcut, body: body.body, createdAt: now, updatedAt: now });
    return toItem(await this.saveUnique(row));
  }

  async update(user: AuthUser, id: number, body: UpdateCannedResponseRequest): Promise<CannedResponseItem> {
    const row = await this.find(user, id);
    if (body.shortcut !== undefined && body.shortcut !== row.shortcut) await this.ensureFree(row.ownerId, body.shortcut);
    Object.assign(row, {
      ...(body.shortcut !== undefined && { shortcut: body.shortcut }),
      ...(body.body !== undefined && { body: body.body }),
      ...(row.ownerId === user.id && { ownerName: user.name }),
      updatedAt: Date.now(),
    });
    return toItem(await this.saveUnique(row));
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const row = await this.find(user, id);
    await this.responses.delete({ id: row.id });
  }

  private visibleTo(user: AuthUser): FindOptionsWhere<CannedResponse> {
    return user.groups.includes('livechat_manager') ? {} : { ownerId: user.id };
  }

  private async find(user: AuthUser, id: number): Promise<CannedResponse> {
    const row = await this.responses.findOneBy({ ...this.visibleTo(user), id });
    if (!row) throw translatableError(404, 'canned_responses.notFound', { id });
    return row;
  }

  private async ensureFree(ownerId: number, shortcut: string): Promise<void> {
    if (await this.responses.existsBy({ ownerId, shortcut })) throw taken(shortcut);
  }

  /** The unique index decides between two saves racing for the same shortcut. */
  private async saveUnique(row: CannedResponse): Promise<CannedResponse> {
    try {
      return await this.responses.save(row);
    } catch (error) {
      if (error instanceof QueryFailedError && /unique|duplicate/i.test(error.message)) throw taken(row.shortcut);
      throw error;
    }
  }
}

const taken = (shortcut: string) => translatableError(409, 'canned_responses.shortcutTaken', { shortcut });

function toItem(row: CannedResponse): CannedResponseItem {
  return {
    id: row.id,
    shortcut: row.shortcut,
    body: row.body,
    owner: { id: row.ownerId, name: row.ownerName },
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
