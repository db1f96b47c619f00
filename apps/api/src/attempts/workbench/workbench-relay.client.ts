import { Inject, Injectable, type OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { queuePrefix, terminalOutput, workbenchSessionId, type TerminalOutput, type WorkbenchCommand, workbenchKeys, workbenchReply, type WorkbenchReply } from '@takehome/jobs';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';

type Asked<T> = T extends { replyTo: string } ? Omit<T, 'id' | 'replyTo'> : never;

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * The API's side of the workbench relay (@takehome/jobs workbenchKeys): the API holds no Docker socket; the
 * worker that started a session runs it. This class only moves messages and waits for answers.
 */
@Injectable()
export class WorkbenchRelayClient implements OnModuleDestroy {
  private readonly keys;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly replyChannel = `api-${randomUUID()}`;
  private readonly pending = new Map<string, (reply: WorkbenchReply) => void>();
  private readonly streams = new Map<string, (out: TerminalOutput) => void>();
  private ready?: Promise<unknown>;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.keys = workbenchKeys(queuePrefix(config.DATABASE_URL, config.QUEUE_PREFIX));
    this.publisher = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.subscriber = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: null });
    for (const connection of [this.publisher, this.subscriber]) connection.on('error', () => {});
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.keys.reply(this.replyChannel)) {
        const reply = workbenchReply.safeParse(safeJson(message));
        if (reply.success) this.pending.get(reply.data.id)?.(reply.data);
        return;
      }
      const out = terminalOutput.safeParse(safeJson(message));
      if (out.success) this.streams.get(channel)?.(out.data);
    });
  }

  /** Asks any free worker to start a session; the answer is the worker's result (or its error). */
  async start(kind: 'service' | 'terminal', sessionId: string, request: Record<string, unknown>, timeoutMs: number): Promise<WorkbenchReply> {
    return this.ask(timeoutMs, (id, replyTo) => this.publisher.rpush(this.keys.starts, JSON.stringify({ id, replyTo, kind, sessionId, request, notAfter: Date.now() + timeoutMs })));
  }

  /** Whether a worker holds the session now (its owner key lives while it does). */
  async isHeld(sessionId: string): Promise<boolean> {
    await this.connect();
    return (await this.publisher.exists(this.keys.owner(sessionId))) === 1;
  }

  command(sessionId: string, command: Asked<WorkbenchCommand>, timeoutMs: number): Promise<WorkbenchReply> {
    return this.ask(timeoutMs, (id, replyTo) => this.publisher.publish(this.keys.session(sessionId), JSON.stringify({ ...command, id, replyTo })));
  }

  /** Stops the attempt's service and terminal, if a worker holds them (once the work is submitted). */
  async stopAttempt(attemptId: string): Promise<void> {
    for (const kind of ['service', 'terminal'] as const) {
      const sessionId = workbenchSessionId(kind, attemptId);
      if (await this.isHeld(sessionId)) await this.command(sessionId, { type: 'stop' }, 30_000);
    }
  }

  /** Fire-and-forget messages of an attached terminal (keystrokes, resize, detach). */
  async send(sessionId: string, message: Extract<WorkbenchCommand, { type: 'input' | 'resize' | 'detach' }>): Promise<void> {
    await this.publisher.publish(this.keys.session(sessionId), JSON.stringify(message)).catch(() => undefined);
  }

  /** Listens to a terminal stream's output; the returned function stops listening. */
  async listen(streamId: string, listener: (out: TerminalOutput) => void): Promise<() => void> {
    await this.connect();
    const channel = this.keys.output(streamId);
    this.streams.set(channel, listener);
    await this.subscriber.subscribe(channel);
    return () => {
      this.streams.delete(channel);
      void this.subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  private async ask(timeoutMs: number, send: (id: string, replyTo: string) => Promise<unknown>): Promise<WorkbenchReply> {
    await this.connect();
    const id = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<WorkbenchReply>((resolve, reject) => {
      this.pending.set(id, resolve);
      timer = setTimeout(() => reject(new ServiceUnavailableException({ message: 'The sandbox did not answer in time. Try again in a moment.', code: 'sandbox_unavailable' })), timeoutMs);
    });
    try {
      await send(id, this.keys.reply(this.replyChannel));
      return await answered;
    } finally {
      clearTimeout(timer);
      this.pending.delete(id);
    }
  }

  private connect(): Promise<unknown> {
    this.ready ??= Promise.all([this.publisher.connect(), this.subscriber.connect()]).then(() => this.subscriber.subscribe(this.keys.reply(this.replyChannel)));
    return this.ready.catch((error: Error) => {
      this.ready = undefined;
      throw new ServiceUnavailableException({ message: `The sandbox cannot be reached now (${error.message}).`, code: 'sandbox_unavailable' });
    });
  }

  onModuleDestroy() {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
