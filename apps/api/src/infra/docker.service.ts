import { Inject, Injectable } from '@nestjs/common';
import Docker from 'dockerode';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

const PING_TIMEOUT_MS = 1_500;
const PING_CACHE_MS = 3_000;

@Injectable()
export class DockerService {
  readonly client: Docker;
  private lastPing?: { at: number; up: boolean };

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    // Without DOCKER_HOST, dockerode reads the environment itself and falls back to the local socket.
    const host = config.DOCKER_HOST;
    this.client = host?.startsWith('unix://') ? new Docker({ socketPath: host.slice('unix://'.length) }) : new Docker();
  }

  /**
   * Whether the engine answers, remembered for a few seconds so a burst of practice runs pings it once. Used
   * to refuse work that needs the engine now instead of queueing it behind an outage.
   */
  async isUp(): Promise<boolean> {
    if (this.lastPing && Date.now() - this.lastPing.at < PING_CACHE_MS) return this.lastPing.up;
    let timer: NodeJS.Timeout | undefined;
    const up = await Promise.race([
      this.client.ping().then(() => true, () => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    this.lastPing = { at: Date.now(), up };
    return up;
  }
}
