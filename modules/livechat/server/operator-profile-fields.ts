import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { UserFields, type UserFieldsExtension } from '@lc/platform/server';
import { OperatorProfilePatch, type OperatorProfileFields } from '@lc/protocol';
import { LanguagesService } from '../../base/server/public-api';
import { OperatorProfile } from './entities';

/** livechat's user fields: the Online Chat Name and Languages, in /api/me and My Profile → Preferences. */
@UserFields()
@Injectable()
export class OperatorProfileUserFields implements UserFieldsExtension<OperatorProfileFields> {
  readonly patch = OperatorProfilePatch;

  constructor(
    @InjectRepository(OperatorProfile) private readonly profiles: Repository<OperatorProfile>,
    private readonly languages: LanguagesService,
  ) {}

  async read(userId: number): Promise<OperatorProfileFields> {
    const profile = await this.profiles.findOneBy({ userId });
    return { livechatUsername: profile?.username ?? null, livechatLanguages: profile?.languages ?? [] };
  }

  /** Languages must be enabled, except those already on the profile (an admin disabled them since). */
  async check(userId: number, body: Partial<OperatorProfileFields>): Promise<Partial<OperatorProfileFields>> {
    const changes: Partial<OperatorProfileFields> = {};
    if (body.livechatLanguages !== undefined) {
      const held = (await this.read(userId)).livechatLanguages;
      changes.livechatLanguages = await this.languages.requireEnabled('livechatLanguages', body.livechatLanguages, held);
    }
    if (body.livechatUsername !== undefined) changes.livechatUsername = body.livechatUsername;
    return changes;
  }

  /** Only the changed columns: two tabs changing one field each both keep their change. */
  async write(userId: number, changes: Partial<OperatorProfileFields>, tx: EntityManager): Promise<void> {
    const row: Partial<OperatorProfile> = { userId };
    if (changes.livechatUsername !== undefined) row.username = changes.livechatUsername;
    if (changes.livechatLanguages !== undefined) row.languages = changes.livechatLanguages;
    await tx.getRepository(OperatorProfile).upsert(row, ['userId']);
  }
}
