import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource, In, IsNull, LessThan, Not } from 'typeorm';
import { APP_CONFIG, INTERNAL_USERS_ROOM, Realtime, type AppConfig, type Sql } from '@lc/platform/server';
import { SocketEvents, type PresenceEvent, type PresenceStatus } from '@lc/protocol';
import { PresenceConnection, PresenceProcess, UserPresence } from './entities';

/**
 * Presence lives in the database so that every process agrees: connection rows carry the process id,
 * processes heartbeat, and every status change is a conditional update, so exactly one process announces it.
 * Activity is kept as an in-memory high-water mark and written at most once per flush interval per user.
 */
@Injectable()
export class PresenceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Presence');
  /** Status changes decided by this process (each change is announced by exactly one process). */
  readonly changes$ = new Subject<PresenceEvent>();
  private readonly pendingActivity = new Map<number, number>();
  private readonly lastWritten = new Map<number, number>();
  private timers: NodeJS.Timeout[] = [];
  private sweeping?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly realtime: Realtime,
  ) {}

  get timeoutMs(): number {
    return this.config.inactivityTimeoutS * 1000;
  }
  private get graceMs(): number {
    return this.config.presenceOfflineGraceS * 1000;
  }
  /** DESIGN: activity is flushed at least every tenth of the inactivity timeout. */
  get flushIntervalMs(): number {
    return Math.min(30_000, this.timeoutMs / 10);
  }
  /** Status changes are noticed within min(60 s, timeout / 2), and offline soon after the grace period. */
  get sweepIntervalMs(): number {
    return Math.max(100, Math.min(60_000, this.timeoutMs / 2, this.graceMs / 2));
  }
  private get staleProcessMs(): number {
    return 3 * this.sweepIntervalMs + 5_000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.heartbeat();
    this.timers = [
      setInterval(() => void this.flushActivity().catch((e) => this.logger.error(e)), this.flushIntervalMs),
      setInterval(() => void this.sweep().catch((e) => this.logger.error(e)), this.sweepIntervalMs),
    ];
    this.timers.forEach((t) => t.unref());
  }

  async onApplicationShutdown(): Promise<void> {
    this.timers.forEach(clearInterval);
    await this.sweeping;
    await this.flushActivity().catch(() => undefined);
    await this.dropProcess(this.realtime.processId).catch(() => undefined);
  }

  async connected(socketId: string, userId: number): Promise<void> {
    const now = Date.now();
    await this.db.getRepository(PresenceConnection).insert({ socketId, userId, processId: this.realtime.processId, connectedAt: now });
    await this.ensureRow(userId, now);
    await this.db.getRepository(UserPresence).update({ userId }, { lastActivityAt: now, lastDisconnectAt: null });
    this.lastWritten.set(userId, now);
    this.pendingActivity.delete(userId);
    await this.recompute(userId);
  }

  async disconnected(socketId: string, userId: number): Promise<void> {
    await this.db.getRepository(PresenceConnection).delete({ socketId });
    await this.markDisconnectedIfLast([userId]);
  }

  /** Any sign of life: a socket event, an HTTP request, a message. Cheap: memory, written in batches. */
  recordActivity(userId: number): void {
    const now = Date.now();
    if (now - (this.lastWritten.get(userId) ?? 0) >= this.flushIntervalMs) {
      // Not written for a while (maybe away): write now so that coming back is seen at once.
      this.lastWritten.set(userId, now);
      this.pendingActivity.delete(userId);
      void this.writeActivity(userId, now).catch((e) => this.logger.error(e));
    } else {
      this.pendingActivity.set(userId, now);
    }
  }

  async flushActivity(): Promise<void> {
    const pending = [...this.pendingActivity];
    this.pendingActivity.clear();
    for (const [userId, at] of pending) {
      this.lastWritten.set(userId, at);
      await this.writeActivity(userId, at);
    }
  }

  async statuses(): Promise<PresenceEvent[]> {
    const rows = await this.db.getRepository(UserPresence).find({ order: { userId: 'ASC' } });
    return rows.map((r) => ({ userId: r.userId, status: r.status }));
  }

  /** The last recorded activity of each of these users (epoch ms; absent when never seen). */
  async lastActivityOf(userIds: number[]): Promise<Map<number, number>> {
    if (!userIds.length) return new Map();
    const rows = await this.db.getRepository(UserPresence).findBy({ userId: In(userIds) });
    return new Map(rows.map((r) => [r.userId, Math.max(r.lastActivityAt, this.pendingActivity.get(r.userId) ?? 0)]));
  }

  async statusOf(userId: number): Promise<PresenceStatus> {
    return (await this.db.getRepository(UserPresence).findOneBy({ userId }))?.status ?? 'offline';
  }

  /** Of these users, those online now: a live connection and active within the inactivity timeout. */
  async onlineAmong(userIds: number[]): Promise<number[]> {
    if (!userIds.length) return [];
    // Raw rows: this runs for every session start, over every operator of the channel.
    const rows = await this.db
      .getRepository(UserPresence)
      .createQueryBuilder('p')
      .select('p.userId', 'userId')
      .addSelect('p.lastActivityAt', 'lastActivityAt')
      .where('p.userId IN (:...userIds)', { userIds })
      .andWhere("p.status = 'online'")
      .getRawMany<{ userId: number; lastActivityAt: string | number }>();
    return rows.filter((r) => this.isOnline(Number(r.userId), 'online', Number(r.lastActivityAt))).map((r) => Number(r.userId));
  }

  /**
   * Whether a presence row (read by a module's own query) means online now: a live connection and activity
   * within the timeout, counting activity this process has seen but not written yet.
   */
  isOnline(userId: number, status: string | null, lastActivityAt: number | null): boolean {
    if (status !== 'online') return false;
    return (lastActivityAt ?? 0) >= Date.now() - this.timeoutMs || this.pendingActivity.has(userId);
  }

  /**
   * isOnline as an SQL condition on presenceJoin's row, for a statement that filters in the database.
   * Activity seen but not written counts as isOnline counts it, yet only a user whose last write is older
   * than the timeout can need it (pending activity is written every tenth of the timeout): the list of
   * such users is almost always empty.
   */
  onlineCondition(): Sql {
    const cutoff = Date.now() - this.timeoutMs;
    const pending = [...this.pendingActivity.keys()].filter((userId) => (this.lastWritten.get(userId) ?? 0) < cutoff);
    const orPending = pending.length ? ` OR presence."userId" IN (${pending.map(() => '?').join(', ')})` : '';
    return { text: `presence."status" = ? AND (presence."lastActivityAt" >= ?${orPending})`, params: ['online', cutoff, ...pending] };
  }

  /** One pass of the sweeper; safe to run in every process at once. */
  sweep(): Promise<void> {
    this.sweeping ??= this.runSweep().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async runSweep(): Promise<void> {
    const now = Date.now();
    await this.heartbeat();
    const stale = await this.db.getRepository(PresenceProcess).findBy({ heartbeatAt: LessThan(now - this.staleProcessMs) });
    for (const process of stale) await this.dropProcess(process.processId);

    await this.flushActivity();
    const users = this.db.getRepository(UserPresence);
    const inactive = await users.findBy({ status: 'online', lastActivityAt: LessThan(now - this.timeoutMs) });
    const goneLongEnough = await users.findBy({ status: Not('offline'), lastDisconnectAt: LessThan(now - this.graceMs) });
    for (const row of [...inactive, ...goneLongEnough]) await this.recompute(row.userId);
  }

  private async heartbeat(): Promise<void> {
    const repo = this.db.getRepository(PresenceProcess);
    const { affected } = await repo.update({ processId: this.realtime.processId }, { heartbeatAt: Date.now() });
    if (!affected) await repo.insert({ processId: this.realtime.processId, heartbeatAt: Date.now() });
  }

  /** Forgets a process and its connections (a dead one, or this one at shutdown). */
  private async dropProcess(processId: string): Promise<void> {
    const connections = this.db.getRepository(PresenceConnection);
    const userIds = [...new Set((await connections.findBy({ processId })).map((c) => c.userId))];
    await connections.delete({ processId });
    await this.db.getRepository(PresenceProcess).delete({ processId });
    await this.markDisconnectedIfLast(userIds);
  }

  private async markDisconnectedIfLast(userIds: number[]): Promise<void> {
    const now = Date.now();
    for (const userId of userIds) {
      if (await this.db.getRepository(PresenceConnection).existsBy({ userId })) continue;
      await this.db.getRepository(UserPresence).update({ userId, lastDisconnectAt: IsNull() }, { lastDisconnectAt: now });
      await this.recompute(userId);
    }
  }

  private async writeActivity(userId: number, at: number): Promise<void> {
    await this.ensureRow(userId, at);
    await this.db.getRepository(UserPresence).update({ userId, lastActivityAt: LessThan(at) }, { lastActivityAt: at });
    await this.recompute(userId);
  }

  private async ensureRow(userId: number, now: number): Promise<void> {
    await this.db.createQueryBuilder().insert().into(UserPresence).values({ userId, status: 'offline', lastActivityAt: now, lastDisconnectAt: now }).orIgnore().execute();
  }

  /** Works out the status from the database and, if it changed, stores and announces it (once across processes). */
  async recompute(userId: number): Promise<PresenceStatus | undefined> {
    const row = await this.db.getRepository(UserPresence).findOneBy({ userId });
    if (!row) return undefined;
    const now = Date.now();
    const connected = await this.db.getRepository(PresenceConnection).existsBy({ userId });
    let status: PresenceStatus;
    if (connected) status = now - row.lastActivityAt <= this.timeoutMs ? 'online' : 'away';
    else if (row.lastDisconnectAt !== null && now - row.lastDisconnectAt >= this.graceMs) status = 'offline';
    else status = row.status === 'online' && now - row.lastActivityAt > this.timeoutMs ? 'away' : row.status;
    if (status === row.status) return status;
    const { affected } = await this.db.getRepository(UserPresence).update({ userId, status: row.status }, { status });
    if (affected) this.announce({ userId, status });
    return status;
  }

  private announce(event: PresenceEvent): void {
    this.realtime.server?.to(INTERNAL_USERS_ROOM).emit(SocketEvents.presence, event);
    this.changes$.next(event);
  }
}
