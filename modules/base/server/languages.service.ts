import { sql, SqlRunner, translatableErrors, translatableError } from '@lc/platform/server';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Language } from '@lc/protocol';
import { LanguageState } from './entities/language.entity';
import { canonicalTag, DEFAULT_LANGUAGE, LANGUAGE_TAGS, languageName } from './language-catalog';

@Injectable()
export class LanguagesService {

  constructor(
    @InjectRepository(LanguageState) private readonly states: Repository<LanguageState>,
    private readonly sql: SqlRunner,
  ) {}

  async list(): Promise<Language[]> {
    const enabled = await this.enabledCodes();
    return LANGUAGE_TAGS.map((code) => ({ code, name: languageName(code), enabled: enabled.has(code) })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Enabled tags; en-US always. Read from the database each time (cheap) so that every process agrees. */
  async enabledCodes(): Promise<Set<string>> {
    // By hand (SqlRunner): every session start asks, and the ORM's query costs more than the read.
    const rows = await this.sql.read(sql`SELECT "code" FROM "base_language" WHERE "enabled" = ${true}`);
    return new Set([DEFAULT_LANGUAGE, ...rows.map((r) => String(r.code))]);
  }

  async setEnabled(code: string, enabled: boolean): Promise<Language> {
    const tag = canonicalTag(code);
    if (!tag) throw translatableError(404, 'base.unknownLanguage', { code });
    if (!enabled && tag === DEFAULT_LANGUAGE) throw translatableError(409, 'base.defaultLanguage', { language: DEFAULT_LANGUAGE });
    await this.states.save({ code: tag, enabled });
    return { code: tag, name: languageName(tag), enabled };
  }

  /**
   * Canonical spelling of each tag, duplicates dropped; a tag that is unknown or not enabled is a 400
   * naming it and the field. Tags in `held` (already on the record) pass even if disabled since.
   */
  async requireEnabled(field: string, tags: string[], held: string[] = []): Promise<string[]> {
    const enabled = new Set([...(await this.enabledCodes()), ...held]);
    const result: string[] = [];
    const bad: string[] = [];
    for (const tag of tags) {
      const canonical = canonicalTag(tag);
      if (!canonical || !enabled.has(canonical)) bad.push(tag);
      else if (!result.includes(canonical)) result.push(canonical);
    }
    if (bad.length) throw translatableErrors(400, [{ key: 'base.languagesNotEnabled', params: { field, languages: bad.join(', ') } }]);
    return result;
  }
}
