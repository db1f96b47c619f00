import {
  type TerminalOutput,
  WORKBENCH_OWNER_TTL_SECONDS,
  type WorkbenchCommand,
  workbenchCommand,
  type WorkbenchReply,
  workbenchKeys,
  type WorkbenchStart,
  workbenchStart,
} from '@takehome/jobs';
import type { DockerWorkbenchSessions, TerminalHandle } from '@takehome/sandbox';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';

export interface WorkbenchRelayOptions {
  prefix: string;
  workerId: string;
  /** sessions this worker holds at most; further starts wait in the list for another worker */
  maxSessions: number;
  /** a session without any command or terminal traffic for this long is stopped */
  idleMs: number;
  /** and none lives longer than this, busy or not */
  maxLifetimeMs: number;
}

interface Held {
  kind: 'service' | 'terminal';
  ready: boolean;
  port: number;
  startedAt: number;
  lastActive: number;
  shells: Map<string, TerminalHandle>;
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * The worker's side of the workbench relay (see workbenchKeys): pops starts, owns the sessions it started,
 * answers their commands, streams terminal output, and stops sessions that are idle, too old, or taken over.
 */
export class WorkbenchRelay {
  private readonly keys;
  private readonly held = new Map<string, Held>();
  private running = true;
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly sessions: DockerWorkbenchSessions,
    private readonly redis: Redis,
    /** a connection of its own for BLPOP, which blocks it */
    private readonly blocking: Redis,
    /** a connection of its own in subscriber mode */
    private readonly subscriber: Redis,
    private readonly options: WorkbenchRelayOptions,
    private readonly logger: Logger,
  ) {
    this.keys = workbenchKeys(options.prefix);
  }

  start(): void {
    this.subscriber.on('message', (channel: string, message: string) => {
      const sessionId = channel.slice(this.keys.session('').length);
      const command = workbenchCommand.safeParse(safeJson(message));
      if (command.success) void this.handle(sessionId, command.data);
    });
    this.sweepTimer = setInterval(() => void this.sweep(), 5_000);
    void this.popStarts();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.sweepTimer);
    this.blocking.disconnect();
    await Promise.all([...this.held.keys()].map((id) => this.drop(id, true)));
    this.subscriber.disconnect();
  }

  private async popStarts(): Promise<void> {
    while (this.running) {
      if (this.held.size >= this.options.maxSessions) {
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      const popped = await this.blocking.blpop(this.keys.starts, 2).catch(() => null);
      if (!popped) continue;
      const start = workbenchStart.safeParse(safeJson(popped[1]));
      // Every worker was busy until the API stopped waiting: starting now would hold a sandbox nobody asked for.
      if (start.success && start.data.notAfter > Date.now()) await this.begin(start.data);
    }
  }

  private async begin(start: WorkbenchStart): Promise<void> {
    const { sessionId } = start;
    // Whoever held this id before (here or on another worker) lets go; the start below reaps its containers.
    if (this.held.has(sessionId)) await this.drop(sessionId, false);
    await this.redis.publish(this.keys.session(sessionId), JSON.stringify({ type: 'released', by: this.options.workerId }));
    try {
      const request = start.request as Record<string, unknown>;
      // The API builds these requests from the runtime catalogue; a worker still runs nothing but platform images.
      for (const image of [request.image, request.probeImage ?? 'takehome/']) {
        if (typeof image !== 'string' || !image.startsWith('takehome/')) throw new Error('only the platform’s runtime images may run');
      }
      const result = start.kind === 'service' ? await this.sessions.startService(request as never) : await this.sessions.startTerminal(request as never);
      const now = Date.now();
      this.held.set(sessionId, { kind: start.kind, ready: Boolean((result as { ready?: boolean } | undefined)?.ready ?? true), port: Number(request.port ?? 0), startedAt: now, lastActive: now, shells: new Map() });
      await this.subscriber.subscribe(this.keys.session(sessionId));
      await this.redis.set(this.keys.owner(sessionId), this.options.workerId, 'EX', WORKBENCH_OWNER_TTL_SECONDS);
      this.logger.info({ sessionId, kind: start.kind }, 'workbench session started');
      await this.reply(start.replyTo, { id: start.id, ok: true, result: result ?? null });
    } catch (error) {
      this.logger.warn({ sessionId, err: (error as Error).message }, 'workbench session could not start');
      await this.sessions.stop(sessionId).catch(() => undefined);
      await this.reply(start.replyTo, { id: start.id, ok: false, error: (error as Error).message });
    }
  }

  private async handle(sessionId: string, command: WorkbenchCommand): Promise<void> {
    const held = this.held.get(sessionId);
    if (!held) return;
    if (command.type === 'released') {
      if (command.by !== this.options.workerId) await this.drop(sessionId, false);
      return;
    }
    held.lastActive = Date.now();
    try {
      switch (command.type) {
        case 'request':
          return await this.reply(command.replyTo, { id: command.id, ok: true, result: await this.sessions.request(sessionId, held.port, command.request) });
        case 'status':
          return await this.reply(command.replyTo, { id: command.id, ok: true, result: { kind: held.kind, ready: held.ready, output: this.sessions.serviceOutput(sessionId) } });
        case 'files':
          return await this.reply(command.replyTo, { id: command.id, ok: true, result: await this.sessions.terminalFiles(sessionId) });
        case 'stop':
          await this.drop(sessionId, true);
          return await this.reply(command.replyTo, { id: command.id, ok: true });
        case 'attach':
          return await this.attach(sessionId, held, command.streamId, command.replyTo, command.id);
        case 'input':
          return held.shells.get(command.streamId)?.write(command.data);
        case 'resize':
          return await held.shells.get(command.streamId)?.resize(command.cols, command.rows);
        case 'detach':
          held.shells.get(command.streamId)?.close();
          held.shells.delete(command.streamId);
          return;
      }
    } catch (error) {
      if ('replyTo' in command) await this.reply(command.replyTo, { id: command.id, ok: false, error: (error as Error).message });
    }
  }

  private async attach(sessionId: string, held: Held, streamId: string, replyTo: string, id: string): Promise<void> {
    if (held.kind !== 'terminal') throw new Error('not a terminal');
    const shell = await this.sessions.attachShell(sessionId);
    held.shells.set(streamId, shell);
    const send = (out: TerminalOutput) => void this.redis.publish(this.keys.output(streamId), JSON.stringify(out)).catch(() => undefined);
    shell.onData((data) => {
      held.lastActive = Date.now();
      send({ type: 'data', data });
    });
    shell.onExit(() => {
      held.shells.delete(streamId);
      send({ type: 'exit' });
    });
    await this.reply(replyTo, { id, ok: true });
  }

  /** Stops idle and over-age sessions and keeps the owner keys of the rest alive. */
  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const [sessionId, held] of this.held) {
      const idle = now - held.lastActive > this.options.idleMs;
      if (idle || now - held.startedAt > this.options.maxLifetimeMs) {
        this.logger.info({ sessionId, idle }, 'workbench session stopped (idle or too old)');
        await this.drop(sessionId, true);
      } else {
        await this.redis.set(this.keys.owner(sessionId), this.options.workerId, 'EX', WORKBENCH_OWNER_TTL_SECONDS).catch(() => undefined);
      }
    }
  }

  /** Forgets a session; with `remove`, also removes its containers and the owner key. */
  private async drop(sessionId: string, remove: boolean): Promise<void> {
    const held = this.held.get(sessionId);
    this.held.delete(sessionId);
    for (const shell of held?.shells.values() ?? []) shell.close();
    await this.subscriber.unsubscribe(this.keys.session(sessionId)).catch(() => undefined);
    if (!remove) return;
    await this.redis.del(this.keys.owner(sessionId)).catch(() => undefined);
    await this.sessions.stop(sessionId).catch((error: Error) => this.logger.error({ sessionId, err: error.message }, 'workbench session not removed'));
  }

  private async reply(channel: string, reply: WorkbenchReply): Promise<void> {
    await this.redis.publish(channel, JSON.stringify(reply)).catch(() => undefined);
  }
}
