import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { GroupCatalog, type Group } from '@lc/platform';
import { atomically, translatableErrors, translatableError } from '@lc/platform/server';
import type { CreateUserDto, Me, OwnUser, UpdateUserDto, User as UserDto } from '@lc/protocol';
import { AuthService } from './auth.service';
import { User } from './entities/user.entity';
import { assertAnAdminRemains } from './last-admin';
import { LanguagesService } from './languages.service';
import { hashPassword, verifyPassword } from './password';
import { UserFieldsService } from './user-fields.service';

/** Serialises the changes that could leave the database without an active admin ("lb" 1). */
const ADMINS_LOCK = 0x6c620001;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly languages: LanguagesService,
    private readonly userFields: UserFieldsService,
    private readonly groups: GroupCatalog,
  ) {}

  /** Every user, archived ones included (for admins, who may unarchive them). */
  async list(): Promise<UserDto[]> {
    return (await this.users.find({ order: { id: 'ASC' } })).map((user) => this.toDto(user));
  }

  /** An active user (archived ones are as good as absent everywhere but the admin's list). */
  async get(id: number): Promise<User> {
    const user = await this.users.findOneBy({ id, active: true });
    if (!user) throw translatableError(404, 'base.userNotFound', { id });
    return user;
  }

  /** GET /api/me of an active user: their record and every module's fields of them. */
  async me(id: number): Promise<Me> {
    return this.meOf(await this.get(id));
  }

  async meOf(user: User): Promise<Me> {
    // The fields come from the modules present at run time; `Me` is the public shape they make together.
    return { ...this.ownUser(user), ...(await this.userFields.read(user.id)) } as Me;
  }

  findByLogin(login: string): Promise<User | null> {
    return this.users.findOneBy({ login, active: true });
  }

  async create(input: CreateUserDto): Promise<User> {
    const lang = input.lang ? await this.languages.requireEnabled('lang', [input.lang]).then((l) => l[0]) : 'en-US';
    if (await this.users.existsBy({ login: input.login })) throw translatableError(409, 'base.loginTaken', { login: input.login });
    return this.users.save(
      this.users.create({
        login: input.login,
        name: input.name.trim(),
        passwordHash: await hashPassword(input.password),
        groups: this.storedGroups(input.groups),
        lang,
      }),
    );
  }

  /**
   * An admin's change to any user, archived ones included. Archiving ends every session of the user; a new
   * password ends them all too, except `keepToken` (the admin's own session when they edit themselves).
   */
  async update(id: number, input: UpdateUserDto, keepToken?: string): Promise<User> {
    // Reads and the slow hash first, so that the lock is held only for the check and the write.
    const lang = input.lang === undefined ? undefined : (await this.languages.requireEnabled('lang', [input.lang]))[0];
    const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
    const user = await atomically(this.db, ADMINS_LOCK, async (manager) => {
      const users = manager.getRepository(User);
      const user = await users.findOneBy({ id });
      if (!user) throw translatableError(404, 'base.userNotFound', { id });
      const before = { active: user.active, groups: user.groups };
      if (input.name !== undefined) user.name = input.name.trim();
      if (input.groups !== undefined) user.groups = this.storedGroups(input.groups);
      if (lang !== undefined) user.lang = lang;
      if (passwordHash !== undefined) user.passwordHash = passwordHash;
      if (input.active !== undefined) user.active = input.active;
      await assertAnAdminRemains(users, before, user);
      return users.save(user);
    });
    if (!user.active) await this.auth.revokeUser(id);
    else if (passwordHash !== undefined) await this.auth.revokeUser(id, keepToken);
    return user;
  }

  /** The user's own change, proven by their current password (false when it is wrong); their other sessions end. */
  async changeOwnPassword(id: number, currentPassword: string, newPassword: string, currentToken: string): Promise<boolean> {
    const user = await this.get(id);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) return false;
    await this.users.update({ id }, { passwordHash: await hashPassword(newPassword) });
    await this.auth.revokeUser(id, currentToken);
    return true;
  }

  save(user: User): Promise<User> {
    return this.users.save(user);
  }

  toDto(user: User): UserDto {
    return { ...this.ownUser(user), active: user.active };
  }

  private ownUser(user: User): OwnUser {
    return { id: user.id, login: user.login, name: user.name, groups: this.groups.effective(user.groups), lang: user.lang };
  }

  /** Groups as granted: declared by a module (400 naming any other), without those every user is in. */
  private storedGroups(groups: Group[]): Group[] {
    const unknown = groups.filter((g) => !this.groups.has(g));
    if (unknown.length) throw translatableErrors(400, unknown.map((group) => ({ key: 'base.unknownGroup', params: { group, groups: this.groups.list().map((i) => i.id).join(', ') } })));
    const everyone = new Set(this.groups.list().filter((g) => g.everyone).map((g) => g.id));
    return [...new Set(groups)].filter((g) => !everyone.has(g));
  }
}
