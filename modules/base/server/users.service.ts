import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { effectiveGroups, type Group } from '@lc/platform';
import type { CreateUserDto, Me, UpdateUserDto, User as UserDto } from '@lc/protocol';
import { User } from './entities/user.entity';
import { LanguagesService } from './languages.service';
import { hashPassword } from './password';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly languages: LanguagesService,
  ) {}

  async list(): Promise<UserDto[]> {
    return (await this.users.find({ where: { active: true }, order: { id: 'ASC' } })).map(toUserDto);
  }

  async get(id: number): Promise<User> {
    const user = await this.users.findOneBy({ id, active: true });
    if (!user) throw new NotFoundException(`User ${id} not found`);
    return user;
  }

  findByLogin(login: string): Promise<User | null> {
    return this.users.findOneBy({ login, active: true });
  }

  async create(input: CreateUserDto): Promise<User> {
    const lang = input.lang ? await this.languages.requireEnabled('lang', [input.lang]).then((l) => l[0]) : 'en-US';
    if (await this.users.existsBy({ login: input.login })) throw new ConflictException(`login "${input.login}" is already taken`);
    return this.users.save(
      this.users.create({
        login: input.login,
        name: input.name.trim(),
        passwordHash: await hashPassword(input.password),
        groups: storedGroups(input.groups),
        lang,
        livechatUsername: null,
        livechatLanguages: [],
      }),
    );
  }

  async update(id: number, input: UpdateUserDto): Promise<User> {
    const user = await this.get(id);
    if (input.name !== undefined) user.name = input.name.trim();
    if (input.groups !== undefined) user.groups = storedGroups(input.groups);
    if (input.lang !== undefined) user.lang = (await this.languages.requireEnabled('lang', [input.lang]))[0];
    if (input.password !== undefined) user.passwordHash = await hashPassword(input.password);
    return this.users.save(user);
  }

  save(user: User): Promise<User> {
    return this.users.save(user);
  }
}

/** Every internal user is in `user`; keep only explicit groups so that implications stay data-free. */
function storedGroups(groups: Group[]): Group[] {
  return [...new Set(groups)].filter((g) => g !== 'user');
}

export function toUserDto(user: User): UserDto {
  return { id: user.id, login: user.login, name: user.name, groups: effectiveGroups(user.groups), lang: user.lang };
}

export function toMeDto(user: User): Me {
  return { ...toUserDto(user), livechatUsername: user.livechatUsername, livechatLanguages: user.livechatLanguages };
}
