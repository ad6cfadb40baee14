import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { effectiveGroups } from '@lc/platform';
import { Authenticator, type AuthUser } from '@lc/platform/server';
import { AuthToken } from './entities/auth-token.entity';
import { User } from './entities/user.entity';
import { UNUSABLE_HASH, verifyPassword } from './password';

export const SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Issues and checks sign-in tokens; the host's guard and socket handshake call authenticate(). */
@Injectable()
export class AuthService extends Authenticator {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(AuthToken) private readonly tokens: Repository<AuthToken>,
  ) {
    super();
  }

  /** The user when the password matches; null otherwise, after the same amount of work either way. */
  async checkPassword(login: string, password: string): Promise<User | null> {
    const user = await this.users.findOneBy({ login, active: true });
    const matches = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_HASH);
    return user && matches ? user : null;
  }

  async issueToken(userId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.insert({ tokenHash: sha256(token), userId, expiresAt: Date.now() + SESSION_LIFETIME_MS });
    // Opportunistic clean-up of this user's expired sessions.
    await this.tokens.delete({ userId, expiresAt: LessThan(Date.now()) });
    return token;
  }

  async revoke(token: string): Promise<void> {
    await this.tokens.delete({ tokenHash: sha256(token) });
  }

  async authenticate(token: string): Promise<AuthUser | null> {
    if (token.length > 200) return null;
    const session = await this.tokens.findOneBy({ tokenHash: sha256(token) });
    if (!session || session.expiresAt < Date.now()) return null;
    const user = await this.users.findOneBy({ id: session.userId, active: true });
    return user ? { id: user.id, login: user.login, name: user.name, groups: effectiveGroups(user.groups) } : null;
  }
}
