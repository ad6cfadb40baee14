import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, INTERNAL_USERS_ROOM, ModuleRegistry, Realtime, type AppConfig } from '@lc/platform/server';
import { SocketEvents, type ModuleStatus, type ModulesEvent } from '@lc/protocol';
import type { DatabaseModuleRegistry } from './module-registry.service';

/** Between server processes only (socket.io's serverSideEmit over Redis), never to a client. */
const PEER_EVENT = 'lc:module-states';

/**
 * Carries each change of module states at once: to the other processes, which adopt it before their
 * clients can ask (so a shell's GET /api/menus right after the event already sees it), then to every
 * internal user's open shells, in every process, as the `modules` event. Both go through Redis in that
 * order on one connection, so a peer applies the states before it relays the event to its sockets.
 */
@Injectable()
export class ModuleStatesFeed implements OnApplicationBootstrap {
  private readonly logger = new Logger('Modules');

  constructor(
    @Inject(ModuleRegistry) private readonly registry: DatabaseModuleRegistry,
    private readonly realtime: Realtime,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const peers = !!this.config.redisUrl; // the in-memory adapter has no serverSideEmit (and no peers)
    if (peers) this.realtime.server.of('/').on(PEER_EVENT, (states: unknown) => this.adopt(states));
    this.registry.onChange((states) => {
      try {
        if (peers) this.realtime.server.serverSideEmit(PEER_EVENT, states);
        this.realtime.server.to(INTERNAL_USERS_ROOM).emit(SocketEvents.modules, { modules: states } satisfies ModulesEvent);
      } catch (error) {
        this.logger.error(`module states not announced: ${error}`); // the periodic refresh catches up
      }
    });
  }

  /** Another process's announcement; anything malformed is ignored (the periodic refresh still runs). */
  private adopt(states: unknown): void {
    const valid = Array.isArray(states) && states.every((s: ModuleStatus) => typeof s?.name === 'string' && typeof s?.enabled === 'boolean');
    if (valid) this.registry.adopt(states);
  }
}
