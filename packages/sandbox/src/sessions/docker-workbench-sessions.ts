import type Docker from 'dockerode';
import type { Duplex, Readable } from 'node:stream';
import type { SandboxConfig } from '../config';
import { createHardenedContainer, createWorkspaceVolume, startExec } from '../docker/containers';
import { createDockerClient } from '../docker/docker-client';
import { reapLeftovers } from '../docker/reaper';
import { createSidecarNetwork, SidecarStartError, startSidecars } from '../docker/sidecars';
import { putFiles, sandboxUser } from '../docker/workspace';
import { type ConsoleRequest, type ConsoleResponse, type ServiceSessionRequest, type ServiceStart, serviceSessionSchema, type TerminalHandle, type TerminalSessionRequest, terminalSessionSchema } from './session-types';
import { readWorkspaceFiles } from './workspace-files';

// Sent to the probe as one base64 argument; it answers one JSON line. Runs in the probe, never in the service.
const PROBE = `const r=JSON.parse(Buffer.from(process.argv[1],'base64').toString());const t0=Date.now();
const out=(o)=>process.stdout.write(JSON.stringify(o));
try{const q=require('http').request({host:'127.0.0.1',port:r.port,method:r.method,path:r.path,headers:r.headers,timeout:r.timeoutMs},(s)=>{const c=[];let n=0;
s.on('data',(d)=>{n+=d.length;if(n<=r.max)c.push(d)});s.on('end',()=>{const h=[];for(let i=0;i<s.rawHeaders.length;i+=2)h.push([s.rawHeaders[i],s.rawHeaders[i+1]]);
out({ok:true,status:s.statusCode,headers:h,body:Buffer.concat(c).toString('utf8'),truncated:n>r.max,durationMs:Date.now()-t0})})});
q.on('timeout',()=>q.destroy(new Error('the service did not answer within '+r.timeoutMs+' ms')));q.on('error',(e)=>out({ok:false,error:e.message}));
if(r.body)q.write(r.body);q.end()}catch(e){out({ok:false,error:e.message})}`;
const MAX_RESPONSE_BYTES = 256 * 1024;
const NOT_READY_EXIT = 3;

const names = (sessionId: string) => ({
  volume: `takehome-ws-${sessionId}`,
  probeVolume: `takehome-ws-probe-${sessionId}`,
  service: `takehome-svc-${sessionId}`,
  probe: `takehome-probe-${sessionId}`,
  terminal: `takehome-term-${sessionId}`,
});

/**
 * The candidate's service and terminal, each in containers made by createHardenedContainer (the run
 * containers' limits and flags) with no network at all:
 * - the service runs under the supervisor in network "none"; a probe container joins only its network
 *   namespace (loopback), so the console's requests reach it while nothing else, the host included, can;
 * - the terminal is a shell (exec with a TTY) in the runtime's runner image, network "none".
 * Everything is labelled with the session id: stop() and the worker's start-up reaper remove it all.
 */
export class DockerWorkbenchSessions {
  private readonly docker: Docker;

  constructor(private readonly config: SandboxConfig, docker?: Docker) {
    this.docker = docker ?? createDockerClient(config);
  }

  async startService(request: ServiceSessionRequest): Promise<ServiceStart> {
    const req = serviceSessionSchema.parse(request);
    const n = names(req.sessionId);
    await this.stop(req.sessionId);
    const user = sandboxUser(this.config);
    await createWorkspaceVolume(this.docker, n.volume, req.sessionId, req.limits.workspaceMb, user);
    await createWorkspaceVolume(this.docker, n.probeVolume, req.sessionId, 1, user);
    const limits = { ...req.limits, timeoutMs: 1 };
    // With sidecars the service joins an internal network with them (and nothing else); without, none at all.
    const network = req.services ? await createSidecarNetwork(this.docker, req.sessionId) : 'none';
    const sidecars = req.services
      ? startSidecars(this.docker, this.config, { runId: req.sessionId, cpus: req.limits.cpus, services: req.services }, network, () => undefined)
      : undefined;
    const service = await createHardenedContainer(this.docker, this.config, {
      name: n.service, image: req.image, runId: req.sessionId, volume: n.volume, network, limits,
      env: { PORT: String(req.port), DATA_DIR: `${this.config.workspace}/.data`, ...sidecars?.submissionEnv },
    });
    await service.start();
    // Joins the service's network namespace only: it shares loopback with it and has no interface of its own.
    const probe = await createHardenedContainer(this.docker, this.config, {
      name: n.probe, image: req.probeImage, runId: req.sessionId, volume: n.probeVolume, network: `container:${n.service}`,
      limits: { ...limits, memoryMb: 128, pids: 32 }, env: {},
    });
    await probe.start();
    await putFiles(service, this.config, [req.files], ['.data']);
    if (req.buildCommand) {
      const build = await startExec(service, req.buildCommand, req.limits.outputBytes, this.config.workspace);
      const timer = setTimeout(() => void service.kill().catch(() => undefined), req.limits.buildTimeoutMs);
      const built = await build.done.finally(() => clearTimeout(timer));
      if (built.exitCode !== 0) return { ready: false, output: `${built.output}\n[sandbox] the build failed (exit ${built.exitCode})` };
    }
    try {
      await sidecars?.ready();
    } catch (err) {
      if (!(err instanceof SidecarStartError)) throw err;
      const logs = Object.entries(err.logs).map(([name, log]) => `--- ${name} log ---\n${log.slice(-4000)}`).join('\n');
      return { ready: false, output: `${logs}\n[sandbox] ${err.message}` };
    }
    const run = await startExec(service, ['/opt/takehome/supervisor', ...req.startCommand], req.limits.outputBytes, this.config.workspace);
    this.outputs.set(req.sessionId, run.output);
    const url = `http://127.0.0.1:${req.port}${req.readinessPath}`;
    const ready = await (await startExec(probe, ['/opt/takehome/wait-ready', url, String(req.readinessTimeoutMs)], 4096, '/')).done;
    if (ready.exitCode === 0) return { ready: true, output: run.output.text() };
    const why = ready.exitCode === NOT_READY_EXIT ? ready.output.trim() : `readiness check failed (exit ${ready.exitCode})`;
    return { ready: false, output: `${run.output.text()}\n[sandbox] the service never became ready: ${why}. It must listen on 0.0.0.0:$PORT (PORT=${req.port}) and answer ${req.readinessPath}.` };
  }

  private readonly outputs = new Map<string, { text(): string }>();

  /** The service's stdout/stderr so far (capped), for the console's log view. */
  serviceOutput(sessionId: string): string {
    return this.outputs.get(sessionId)?.text() ?? '';
  }

  async request(sessionId: string, port: number, req: ConsoleRequest): Promise<ConsoleResponse> {
    const probe = this.docker.getContainer(names(sessionId).probe);
    const arg = Buffer.from(JSON.stringify({ ...req, port, max: MAX_RESPONSE_BYTES })).toString('base64');
    const exec = await startExec(probe, ['node', '-e', PROBE, arg], MAX_RESPONSE_BYTES * 2, '/');
    const { output } = await exec.done;
    try {
      return JSON.parse(output) as ConsoleResponse;
    } catch {
      return { ok: false, error: `the request could not be made (${output.slice(0, 200) || 'the probe stopped'})` };
    }
  }

  async startTerminal(request: TerminalSessionRequest): Promise<void> {
    const req = terminalSessionSchema.parse(request);
    const n = names(req.sessionId);
    await this.stop(req.sessionId);
    await createWorkspaceVolume(this.docker, n.volume, req.sessionId, req.limits.workspaceMb, sandboxUser(this.config));
    const container = await createHardenedContainer(this.docker, this.config, {
      name: n.terminal, image: req.image, runId: req.sessionId, volume: n.volume, network: 'none',
      limits: { ...req.limits, timeoutMs: 1 }, env: { HOME: '/tmp', TERM: 'xterm-256color' },
    });
    await container.start();
    await putFiles(container, this.config, [req.files], []);
  }

  /** A shell with a TTY in the terminal container; closing the handle ends the shell, not the container. */
  async attachShell(sessionId: string): Promise<TerminalHandle> {
    const container = this.docker.getContainer(names(sessionId).terminal);
    const exec = await container.exec({
      Cmd: ['/bin/sh', '-i'], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true, WorkingDir: this.config.workspace,
    });
    const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as unknown as Duplex;
    return {
      write: (data) => void stream.write(data),
      resize: async (cols, rows) => void (await exec.resize({ w: cols, h: rows }).catch(() => undefined)),
      onData: (listener) => void stream.on('data', (chunk: Buffer) => listener(chunk.toString('utf8'))),
      onExit: (listener) => {
        stream.once('end', listener);
        stream.once('close', listener);
      },
      close: () => stream.end(),
    };
  }

  /** The terminal's workspace files, for the editor: text files only (see readWorkspaceFiles). */
  async terminalFiles(sessionId: string) {
    const container = this.docker.getContainer(names(sessionId).terminal);
    const stream = (await container.getArchive({ path: `${this.config.workspace}/.` })) as unknown as Readable;
    return readWorkspaceFiles(stream);
  }

  /** Removes every container and volume of the session; harmless when there is none. */
  async stop(sessionId: string): Promise<void> {
    this.outputs.delete(sessionId);
    await reapLeftovers(this.docker, sessionId);
  }
}
