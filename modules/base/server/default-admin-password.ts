import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './entities/user.entity';
import { verifyPassword } from './password';

const ADMIN_LOGIN = 'admin';
const DEFAULT_PASSWORD = 'admin';

/**
 * Whether the `admin` user still has the password everyone knows (the login page warns). The answer is
 * kept per stored hash: it is computed once at start-up and again only when the hash changes, in this
 * process or another one, so no request ever costs a hash.
 */
@Injectable()
export class DefaultAdminPassword {
  private checked?: { passwordHash: string; isDefault: Promise<boolean> };

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async isDefault(): Promise<boolean> {
    const admin = await this.users.findOne({ select: { passwordHash: true, active: true }, where: { login: ADMIN_LOGIN } });
    if (!admin?.active) return false;
    if (this.checked?.passwordHash !== admin.passwordHash) {
      this.checked = { passwordHash: admin.passwordHash, isDefault: verifyPassword(DEFAULT_PASSWORD, admin.passwordHash).catch(() => false) };
    }
    return this.checked.isDefault;
  }
}
