import { Injectable } from '@nestjs/common';
import { SocketIdentities, type GuestAuthenticator } from '@lc/platform/server';

/** The guest authenticators modules registered, by the handshake `auth` key each reads. */
@Injectable()
export class HostSocketIdentities extends SocketIdentities {
  private readonly byAuthKey = new Map<string, GuestAuthenticator>();

  register(authenticator: GuestAuthenticator): void {
    const taken = this.byAuthKey.get(authenticator.authKey);
    if (taken) throw new Error(`Modules ${taken.module} and ${authenticator.module} both read the socket handshake's auth.${authenticator.authKey}`);
    this.byAuthKey.set(authenticator.authKey, authenticator);
  }

  authKeys(): string[] {
    return [...this.byAuthKey.keys()];
  }

  /** The authenticator for the first registered key the handshake carries as a string. */
  find(auth: Record<string, unknown>): { authenticator: GuestAuthenticator; value: string } | undefined {
    for (const [key, authenticator] of this.byAuthKey) if (typeof auth[key] === 'string') return { authenticator, value: auth[key] as string };
    return undefined;
  }
}
