import { randomBytes } from 'node:crypto';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Not, Repository } from 'typeorm';
import { GroupCatalog } from '@lc/platform';
import { Authenticator, Realtime, tokenHash as sha256, type AuthUser } from '@lc/platform/server';
import { AuthToken } from './entities/auth-token.entity';
import { User } from './entities/user.entity';
import { UNUSABLE_HASH, verifyPassword } from './password';

export const SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;
/**
 * A handshake that read its token just before the revocation can join the token's room just after the
 * sockets were closed; closing the revoked tokens' rooms once more a little later catches it (DESIGN: 2 s).
 */
const SECOND_CLOSE_MS = 1000;

/**
 * Issues, checks and revokes sign-in tokens; the host's guard and socket handshake call authenticate().
 * Revoking deletes the token rows (HTTP answers 401 at once) and closes the tokens' sockets in every process.
 */
@Injectable()
export class AuthService extends Authenticator implements OnApplicationShutdown {
  private readonly secondCloses = new Set<NodeJS.Timeout>();

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(AuthToken) private readonly tokens: Repository<AuthToken>,
    private readonly realtime: Realtime,
    private readonly groups: GroupCatalog,
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

  /** Logout: this token only. */
  async revoke(token: string): Promise<void> {
    const hash = sha256(token);
    await this.tokens.delete({ tokenHash: hash });
    this.realtime.disconnectToken(hash);
    this.closeAgainLater([hash]);
  }

  /** Every token of a user (archived, or password set by an admin), or all but `keepToken` (their own password change). */
  async revokeUser(userId: number, keepToken?: string): Promise<void> {
    const keep = keepToken === undefined ? undefined : sha256(keepToken);
    const where = keep === undefined ? { userId } : { userId, tokenHash: Not(keep) };
    const revoked = (await this.tokens.find({ select: { tokenHash: true }, where })).map((t) => t.tokenHash);
    await this.tokens.delete(where);
    this.realtime.disconnectUser(userId, keep);
    this.closeAgainLater(revoked);
  }

  async authenticate(token: string): Promise<AuthUser | null> {
    if (token.length > 200) return null;
    const session = await this.tokens.findOneBy({ tokenHash: sha256(token) });
    if (!session || session.expiresAt < Date.now()) return null;
    const user = await this.users.findOneBy({ id: session.userId, active: true });
    return user ? { id: user.id, login: user.login, name: user.name, groups: this.groups.effective(user.groups) } : null;
  }

  onApplicationShutdown(): void {
    this.secondCloses.forEach(clearTimeout);
  }

  private closeAgainLater(hashes: string[]): void {
    if (!hashes.length) return;
    const timer = setTimeout(() => {
      this.secondCloses.delete(timer);
      this.realtime.disconnectTokens(hashes);
    }, SECOND_CLOSE_MS);
    this.secondCloses.add(timer);
  }
}
