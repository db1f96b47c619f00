import type Docker from 'dockerode';
import { createDockerClient } from './docker/docker-client';
import type { SandboxConfig } from './config';
import { createHardenedContainer, createWorkspaceVolume, startExec, wasOomKilled, type ExecResult } from './docker/containers';
import { runLabels } from './docker/labels';
import { createSidecarNetwork, SidecarStartError, startSidecars, type RunSidecars } from './docker/sidecars';
import { reapLeftovers } from './docker/reaper';
import { UnsafeArchiveError } from './docker/tar';
import { Watchdog } from './docker/watchdog';
import { WarmPool, type SandboxSet } from './docker/warm-pool';
import type { CappedOutput } from './docker/output';
import { fetchReport, putFiles, ReportMissingError, sandboxUser } from './docker/workspace';
import { describeUndeclaredPackages } from '@takehome/contracts';
import { describeMissingPackages } from './missing-packages';
import { gradeTests, parseReport, ReportError } from './reports';
import {
  runEachOnItsOwn,
  runRequestSchema,
  type ParsedRunRequest,
  type RunOptions,
  type RunPhase,
  type RunRequest,
  type RunResult,
  type RunStatus,
  type SandboxRunner,
} from './sandbox-runner';

/** The run could not be carried out for reasons that have nothing to do with the submission. */
export class SandboxInfrastructureError extends Error {
  override name = 'SandboxInfrastructureError';
}

const NOT_READY_EXIT = 3; // wait-ready's "never answered" code

interface BootedService {
  submission: Docker.Container;
  runner: Docker.Container;
  /** the service's output so far, and where the current suite's part of it starts */
  service: CappedOutput;
  serviceUrl: string;
  outputFrom: number;
}

/** What a black-box boot's containers depend on; runs of one shape can use a set booted ahead. */
interface BootShape {
  image: string;
  runnerImage: string;
  limits: ParsedRunRequest['limits'];
  port: number;
}

/** The submission container's name, which the runner reaches it by on a run's internal network (runs with sidecars). */
const submissionHost = (setId: string) => `takehome-sub-${setId}`;

function shapeOf(req: ParsedRunRequest): BootShape {
  return { image: req.runtime.image, runnerImage: req.runtime.runnerImage, limits: { ...req.limits, timeoutMs: 0 }, port: req.service.port };
}

/** Sidecars are started per run on its own network, so only runs without them can use a set booted ahead. */
function warmKey(req: ParsedRunRequest): string | undefined {
  return req.mode === 'black-box' && !req.services ? JSON.stringify(shapeOf(req)) : undefined;
}

/**
 * Promise.all that lets every call settle before it throws the first failure: objects still being created when a
 * run's clean-up lists what to remove would otherwise be left behind.
 */
async function settledAll<T extends readonly unknown[] | []>(calls: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = (await Promise.allSettled(calls)) as PromiseSettledResult<unknown>[];
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** Suites can share one boot when they differ only in their tests and time limits. */
function canShareBoot(reqs: ParsedRunRequest[]): boolean {
  const boot = (r: ParsedRunRequest) => JSON.stringify([r.runtime, r.service, { ...r.limits, timeoutMs: 0 }, r.submissionFiles]);
  return reqs.length > 1 && reqs.every((r) => r.mode === 'black-box' && boot(r) === boot(reqs[0]));
}

interface RunState {
  req: ParsedRunRequest;
  watchdog: Watchdog;
  progress: (phase: RunPhase, message: string) => void;
  /** the challenge's PostgreSQL/Redis sidecars, once started (docker/sidecars.ts) */
  sidecars?: RunSidecars;
  /** set once the result is decided: a sidecar still booting then has nothing more to report */
  ended?: boolean;
  /** the set booted ahead this run used, removed with the run (its objects carry the set's id, not the run's) */
  warm?: SandboxSet;
}

/**
 * Runs each request in fresh, hardened containers. PID 1 only keeps the container (and its tmpfs
 * workspace volume) alive; files go in with putArchive, commands run through exec, the report comes out
 * with getArchive, and everything labelled with the run id is removed in `finally`.
 */
export class DockerSandboxRunner implements SandboxRunner {
  private readonly docker: Docker;
  private readonly warm: WarmPool;

  constructor(
    private readonly config: SandboxConfig,
    docker?: Docker,
  ) {
    this.docker = docker ?? createDockerClient(config);
    // Only a long-lived worker sets SANDBOX_WARM_SHAPES; a runner that has sets must be close()d.
    this.warm = new WarmPool(config.warmShapes, {
      boot: (shape, id) => this.createSet(id, JSON.parse(shape) as BootShape),
      remove: async (id) => void (await reapLeftovers(this.docker, id)),
    });
  }

  /** Removes the sets booted ahead; a runner keeps none after this. */
  close(): Promise<void> {
    return this.warm.close();
  }

  async run(request: RunRequest, options: RunOptions = {}): Promise<RunResult> {
    const req = runRequestSchema.parse(request); // a malformed request is the caller's bug: throw
    const state = this.newRunState(req, options);
    const [result] = await this.reportThenEnd(state, options, async () => [await this.runOnce(state, options)]);
    return result;
  }

  private async runOnce(state: RunState, options: RunOptions): Promise<RunResult> {
    try {
      if (options.signal?.aborted) return this.result(state, 'error', '', 'run cancelled before it started');
      this.noteUndeclaredPackages(state);
      const result = state.req.mode === 'black-box' ? await this.blackBox(state) : await this.inContainer(state);
      // Read before the run ends and removes the sidecars.
      return state.sidecars ? { ...result, service_logs: await state.sidecars.logs() } : result;
    } catch (err) {
      if (err instanceof SidecarStartError) return { ...this.result(state, 'error', '', err.message), service_logs: err.logs };
      if (state.watchdog.fired) return this.interrupted(state, '');
      if (err instanceof UnsafeArchiveError) {
        return this.result(state, 'error', '', `the submission's files were refused: ${err.message}`);
      }
      // Anything else is the platform's fault (Docker unreachable, an API error): the caller retries it
      // later instead of recording a grade the candidate did not earn.
      throw new SandboxInfrastructureError(`sandbox error: ${(err as Error).message}`, { cause: err });
    }
  }

  /**
   * Runs `work`, hands its results to onResults while the containers are still there (the grade reaches the
   * candidate without waiting for the clean-up), then ends the run whatever happened.
   */
  private async reportThenEnd(state: RunState, options: RunOptions, work: () => Promise<RunResult[]>): Promise<RunResult[]> {
    return this.counted(state.req, async () => {
      try {
        const results = await work();
        await options.onResults?.(results);
        return results;
      } finally {
        await this.endRun(state);
      }
    });
  }

  /**
   * WORK counts as a run going on for the sandboxes booted ahead, whatever happens in it: none boots until it
   * has ended (its clean-up included), and then the next run of REQ's shape finds one ready.
   */
  private async counted<T>(req: ParsedRunRequest, work: () => Promise<T>): Promise<T> {
    this.warm.runStarted();
    try {
      return await work();
    } finally {
      this.warm.runEnded(warmKey(req));
    }
  }

  private newRunState(req: ParsedRunRequest, options: RunOptions): RunState {
    return {
      req,
      watchdog: new Watchdog(options.signal),
      progress: (phase, message) => options.onProgress?.({ runId: req.runId, phase, message }),
    };
  }

  /** Said before anything starts, so the candidate reads it while the run goes on (it still does). */
  private noteUndeclaredPackages(state: RunState): void {
    const undeclared = describeUndeclaredPackages(state.req.submissionFiles, state.req.runtime.libraries);
    if (undeclared) state.progress('preparing', undeclared);
  }

  /** Whatever the outcome: no more progress from a sidecar still booting, and everything labelled with the run removed. */
  private async endRun(state: RunState): Promise<void> {
    state.ended = true;
    state.watchdog.dispose();
    state.progress('cleanup', 'removing the containers and their workspaces');
    await Promise.all([state.req.runId, state.warm?.id].filter((id) => id !== undefined).map((id) => reapLeftovers(this.docker, id).catch(() => undefined)));
  }

  private async inContainer(state: RunState): Promise<RunResult> {
    const { req, watchdog } = state;
    const volume = `takehome-ws-${req.runId}`;
    state.progress('preparing', 'creating the workspace');
    await createWorkspaceVolume(this.docker, volume, req.runId, req.limits.workspaceMb, sandboxUser(this.config));
    // Without sidecars the container has no network at all; with them, only the run's internal one.
    const network = req.services ? await createSidecarNetwork(this.docker, req.runId) : 'none';
    this.startSidecars(state, network);
    const container = await createHardenedContainer(this.docker, this.config, {
      name: `takehome-${req.runId}`,
      image: req.runtime.runnerImage,
      runId: req.runId,
      volume,
      network,
      env: this.submissionEnv(state),
      limits: req.limits,
    });
    watchdog.watch(container);
    state.progress('starting', 'starting the container');
    await container.start();
    await putFiles(container, this.config, [req.submissionFiles, req.testFiles], this.resultDirs(req));
    const buildFailure = await this.build(state, container);
    if (buildFailure) return buildFailure;
    await state.sidecars?.ready();
    state.progress('testing', `running ${req.testCommand.join(' ')}`);
    watchdog.start(req.limits.timeoutMs);
    const exec = await startExec(container, req.testCommand, req.limits.outputBytes, this.config.workspace);
    const tests = await exec.done;
    // Only a SIGKILL we did not send (137) can be the OOM killer; skip the probe otherwise.
    return this.finish(state, container, tests, tests.output, tests.exitCode === 137 && (await wasOomKilled(container)));
  }

  private async blackBox(state: RunState): Promise<RunResult> {
    const booted = await this.bootService(state, state.req.limits.timeoutMs, (runner) => this.stageSuites(runner, [{ req: state.req, dir: '' }]));
    if (!('runner' in booted)) return booted;
    return this.runSuite(state, booted, '');
  }

  /**
   * Several black-box suites of one submission (a grading's visible then hidden suite) against one boot of the
   * service: one network, one submission container, one runner. Each suite's files go into a sibling folder of
   * the runner's workspace and run under the suite's own time limit; hidden files still never reach the
   * submission container. The service is not restarted between suites (suites use their own keys, and the
   * hidden suite restarts it itself where it tests persistence). Whatever the first boot cannot vouch for (a
   * suite that did not complete, a service no longer answering) is run again on a fresh boot, as before.
   */
  async runSuites(requests: RunRequest[], options: RunOptions = {}): Promise<RunResult[]> {
    const reqs = requests.map((r) => runRequestSchema.parse(r));
    // One run for the sandboxes booted ahead, however many boots its suites take.
    return this.counted(reqs[0], () => this.suitesOnBoots(requests, reqs, options));
  }

  private async suitesOnBoots(requests: RunRequest[], reqs: ParsedRunRequest[], options: RunOptions): Promise<RunResult[]> {
    if (!canShareBoot(reqs)) return runEachOnItsOwn(this, requests, options);
    const state = this.newRunState(reqs[0], options);
    // Only a shared boot that ran every suite reports here, ahead of its clean-up; otherwise the caller hears
    // once the suites it could not run have had boots of their own.
    let whole = false;
    const report = async (results: RunResult[]) => {
      whole = results.length === reqs.length;
      if (whole) await options.onResults?.(results);
    };
    const shared = await this.reportThenEnd(state, { onResults: report }, () => this.suitesOnOneBoot(state, reqs, options));
    // A suite the shared boot could not run (the service died in the one before) gets a fresh boot of its own.
    return whole ? shared : runEachOnItsOwn(this, requests, options, shared);
  }

  private async suitesOnOneBoot(state: RunState, reqs: ParsedRunRequest[], options: RunOptions): Promise<RunResult[]> {
    const results: RunResult[] = [];
    try {
      if (options.signal?.aborted) return reqs.map((req) => this.result({ ...state, req }, 'error', '', 'run cancelled before it started'));
      this.noteUndeclaredPackages(state);
      const stageAll = (runner: Docker.Container) => this.stageSuites(runner, reqs.map((req, i) => ({ req, dir: `suites/${i}` })));
      // Until the first suite starts its own clock, the boot runs under the longest suite's limit.
      const booted = await this.bootService(state, Math.max(...reqs.map((r) => r.limits.timeoutMs)), stageAll);
      // A build failure or a service that never came up is every suite's result, each with its own maximum.
      if (!('runner' in booted)) {
        const logs = state.sidecars ? { service_logs: await state.sidecars.logs() } : {};
        return reqs.map((req, i) => ({ ...booted, max_score: this.result({ ...state, req }, booted.status, '', '').max_score, ...(i === 0 ? logs : {}) }));
      }
      // Checked as soon as the last suite's tests end, while its report is read.
      let serviceAnswers: Promise<boolean> = Promise.resolve(true);
      for (const [i, req] of reqs.entries()) {
        if (i > 0 && (results[i - 1].status !== 'completed' || !(await serviceAnswers))) break;
        const checkNext = i < reqs.length - 1 ? () => void (serviceAnswers = this.stillReady(state, booted).catch(() => false)) : undefined;
        results.push(await this.runSuite({ ...state, req }, booted, `suites/${i}`, checkNext));
      }
      // One boot, one set of sidecar logs: kept on the first suite's result so merging does not repeat them.
      if (state.sidecars && results.length > 0) results[0] = { ...results[0], service_logs: await state.sidecars.logs() };
      return results;
    } catch (err) {
      if (err instanceof SidecarStartError) return reqs.map((req, i) => ({ ...this.result({ ...state, req }, 'error', '', err.message), ...(i === 0 ? { service_logs: err.logs } : {}) }));
      if (state.watchdog.fired) return [...results, this.interrupted({ ...state, req: reqs[results.length] }, '')];
      if (err instanceof UnsafeArchiveError) return reqs.map((req) => this.result({ ...state, req }, 'error', '', `the submission's files were refused: ${err.message}`));
      throw new SandboxInfrastructureError(`sandbox error: ${(err as Error).message}`, { cause: err });
    }
  }

  /**
   * The one place a black-box run's containers are created and started: the submission built and
   * its service answering, or the result that ends the run (build failed, never ready, out of memory). STAGE
   * puts the suites' files into the runner meanwhile.
   */
  private async bootService(state: RunState, timeoutMs: number, stage: (runner: Docker.Container) => Promise<void>): Promise<BootedService | RunResult> {
    const { req, watchdog } = state;
    const { port, readinessPath, readinessTimeoutMs } = req.service;
    const key = warmKey(req);
    state.warm = key ? await this.warm.take(key) : undefined;
    if (state.warm) {
      state.progress('starting', 'using a sandbox booted ahead for this run');
      watchdog.watch(state.warm.submission);
      watchdog.watch(state.warm.runner);
    } else {
      state.progress('preparing', 'creating the workspaces and containers');
    }
    const { submission, runner, serviceHost } = state.warm ?? (await this.createSet(req.runId, shapeOf(req), state));
    const serviceUrl = `http://${serviceHost}:${port}`;
    // The submission container never receives test files: hidden tests stay in the runner.
    await putFiles(submission, this.config, [req.submissionFiles], ['.data']);
    const buildFailure = await this.build(state, submission);
    if (buildFailure) return buildFailure;
    await state.sidecars?.ready();
    watchdog.start(timeoutMs);
    const service = await startExec(submission, ['/opt/takehome/supervisor', ...req.runtime.startCommand], req.limits.outputBytes, this.config.workspace);

    state.progress('waiting_ready', `waiting for ${serviceUrl}${readinessPath}`);
    const waitMs = Math.min(readinessTimeoutMs, watchdog.remainingMs());
    // The suites' files go into the runner while the service boots; they never reach the submission container.
    const [ready] = await Promise.all([this.waitReady(runner, `${serviceUrl}${readinessPath}`, waitMs), stage(runner)]);
    if (ready.exitCode !== 0) {
      if (watchdog.fired) return this.interrupted(state, service.output.text());
      if (await wasOomKilled(submission)) return this.result(state, 'oom', service.output.text(), 'the submission ran out of memory before it became ready');
      const why = ready.exitCode === NOT_READY_EXIT ? ready.output.trim() : `readiness check failed (exit ${ready.exitCode}): ${ready.output.trim()}`;
      return this.result(state, 'not_ready', service.output.text(),
        `the service never became ready: ${why}. It must listen on 0.0.0.0:$PORT (PORT=${port}) and answer ${readinessPath} within ${waitMs} ms.`);
    }
    return { submission, runner, service: service.output, serviceUrl, outputFrom: 0 };
  }

  /**
   * A black-box run's two workspaces and two started containers, every object labelled with ID (the run's, or a
   * set booted ahead's). Without sidecars the runner joins the submission's network namespace, which holds
   * loopback and nothing else: the runner reaches the service at 127.0.0.1, nothing outside the set is
   * reachable, and there is no network, bridge or DNS resolver for the engine to set up and tear down (half
   * the engine's CPU of a boot and of its removal, measured on this 2-core machine: 0.5 of 1.0 CPU-s up, 0.2 of
   * 0.3 down). With a run's STATE whose challenge has sidecars, an internal network holds all of them instead;
   * the sidecars start as soon as it exists and their addresses go into the containers' environment.
   */
  private async createSet(id: string, shape: BootShape, state?: RunState): Promise<SandboxSet> {
    const network = state?.req.services ? `takehome-net-${id}` : undefined;
    const subName = submissionHost(id);
    const serviceHost = network ? subName : '127.0.0.1';
    const user = sandboxUser(this.config);
    await settledAll([
      // Internal: the containers reach each other by name and nothing else, the host included. inhibit_ipv4
      // leaves the bridge without a host address: internal alone still lets containers reach services
      // listening on the host itself (INPUT is not filtered), which a submission must never do.
      network && this.docker.createNetwork({
        Name: network, Driver: 'bridge', Internal: true, CheckDuplicate: true, Labels: runLabels(id),
        Options: { 'com.docker.network.bridge.inhibit_ipv4': 'true' },
      }).then(() => state && this.startSidecars(state, network)),
      createWorkspaceVolume(this.docker, `takehome-ws-sub-${id}`, id, shape.limits.workspaceMb, user),
      createWorkspaceVolume(this.docker, `takehome-ws-run-${id}`, id, shape.limits.workspaceMb, user),
    ]);
    const submission = await createHardenedContainer(this.docker, this.config, {
      name: subName, image: shape.image, runId: id, volume: `takehome-ws-sub-${id}`,
      network: network ?? 'none', env: this.serviceEnv(shape.port, state?.sidecars), limits: shape.limits,
    });
    // Watched before they start, so a cancelled run kills them even mid-start.
    state?.watchdog.watch(submission);
    state?.progress('starting', 'starting the submission and the test runner');
    const createRunner = () => createHardenedContainer(this.docker, this.config, {
      name: `takehome-run-${id}`, image: shape.runnerImage, runId: id, volume: `takehome-ws-run-${id}`,
      network: network ?? `container:${submission.id}`, limits: shape.limits,
      env: { SERVICE_URL: `http://${serviceHost}:${shape.port}`, CONTROL_URL: `http://${serviceHost}:${this.config.controlPort}`, ...state?.sidecars?.runnerEnv },
    });
    // A namespace can be joined once its owner runs; on a network of their own both start together. Settled
    // both ways before a failure goes on: a clean-up must not run while a container is still being created.
    const [runner] = await settledAll([createRunner(), network ? undefined : submission.start()]);
    state?.watchdog.watch(runner);
    await Promise.all([network ? submission.start() : undefined, runner.start()]);
    return { id, submission, runner, serviceHost };
  }

  private async waitReady(runner: Docker.Container, url: string, waitMs: number): Promise<ExecResult> {
    return (await startExec(runner, ['/opt/takehome/wait-ready', url, String(waitMs)], 4096, this.config.workspace)).done;
  }

  /** Between suites: the service a suite leaves behind still answers (it may have crashed under the last one). */
  private async stillReady(state: RunState, booted: BootedService): Promise<boolean> {
    const { readinessPath, readinessTimeoutMs } = state.req.service;
    return (await this.waitReady(booted.runner, `${booted.serviceUrl}${readinessPath}`, readinessTimeoutMs)).exitCode === 0;
  }

  /**
   * Each suite's files into its folder of the runner's workspace ('' for the root), never into the submission's:
   * one archive for all of them (each copy into a running container is about 50 ms of the engine's CPU).
   */
  private async stageSuites(runner: Docker.Container, suites: { req: ParsedRunRequest; dir: string }[]): Promise<void> {
    const under = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);
    const files = suites.map(({ req, dir }) => Object.fromEntries(Object.entries(req.testFiles).map(([f, c]) => [under(dir, f), c])));
    const dirs = suites.flatMap(({ req, dir }) => [...(dir ? [dir] : []), ...this.resultDirs(req).map((d) => under(dir, d))]);
    await putFiles(runner, this.config, files, dirs);
  }

  /**
   * One staged suite against a booted service; DIR is its folder in the runner's workspace ('' for the root).
   * AFTERTESTS is called once its tests have ended, before its report is read.
   */
  private async runSuite(state: RunState, booted: BootedService, dir: string, afterTests?: () => void): Promise<RunResult> {
    const { req, watchdog } = state;
    const { submission, runner } = booted;
    if (dir) watchdog.start(req.limits.timeoutMs); // each suite under its own limit, as on a boot of its own
    state.progress('testing', `running ${req.testCommand.join(' ')}`);
    const workdir = dir ? `${this.config.workspace}/${dir}` : this.config.workspace;
    const tests = await (await startExec(runner, req.testCommand, req.limits.outputBytes, workdir)).done;
    afterTests?.();
    const oom = (await wasOomKilled(submission)) || (tests.exitCode === 137 && (await wasOomKilled(runner)));
    // Runner output may quote hidden tests, so only the submission's own output (during this suite) is returned.
    const all = booted.service.text();
    const output = all.slice(booted.outputFrom);
    booted.outputFrom = all.length;
    return this.finish(state, runner, tests, output, oom, dir);
  }

  /**
   * Runs the runtime's build command (compiled languages) under its own limit, before the run's clock starts.
   * A failed or overrunning build is the candidate's result, shown with the compiler's own output; undefined
   * means there was nothing to build or it succeeded.
   */
  private async build(state: RunState, container: Docker.Container): Promise<RunResult | undefined> {
    const { req, watchdog } = state;
    const command = req.runtime.buildCommand;
    if (!command) return undefined;
    state.progress('building', `building with ${command.join(' ')}`);
    const started = Date.now();
    const exec = await startExec(container, command, req.limits.outputBytes, this.config.workspace);
    let overran = false;
    // Killing the container ends the exec stream; the run is over anyway once its build has overrun.
    const timer = setTimeout(() => { overran = true; void container.kill().catch(() => undefined); }, req.limits.buildTimeoutMs);
    const result = await exec.done.finally(() => clearTimeout(timer));
    if (watchdog.fired) return this.interrupted(state, result.output);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (overran) {
      return this.result(state, 'build_failed', result.output, `the build did not finish within its limit of ${req.limits.buildTimeoutMs / 1000} s and was killed`);
    }
    if (result.exitCode === 0) return undefined;
    if (await wasOomKilled(container)) return this.result(state, 'build_failed', result.output, `the build ran out of memory (limit ${req.limits.memoryMb} MB) after ${seconds} s`);
    return this.result(state, 'build_failed', result.output, `the build failed (${command.join(' ')}, exit ${result.exitCode}) after ${seconds} s; no test ran`);
  }

  private async finish(state: RunState, reportHolder: Docker.Container, tests: ExecResult, output: string, oom: boolean, dir = ''): Promise<RunResult> {
    const { req, watchdog } = state;
    if (watchdog.fired) return this.interrupted(state, output);
    const elapsed = watchdog.elapsedMs();
    state.progress('collecting', `reading ${req.reportPath}`);
    try {
      const report = await fetchReport(reportHolder, this.config, dir ? `${dir}/${req.reportPath}` : req.reportPath);
      const { missing, ...graded } = gradeTests(parseReport(req.reportFormat, report), req.tests, req.defaultVisibility, req.skipped);
      const status: RunStatus = oom ? 'oom' : 'completed';
      const diagnostics = [
        oom ? 'a container ran out of memory' : '',
        missing.length > 0 ? `the suite did not finish: ${missing.length} declared test(s) missing from the report count as failed (${missing.join(', ')})` : '',
      ].filter(Boolean).join('; ');
      return { status, ...graded, execution_time: elapsed, output: this.withDiagnostics(req, output, diagnostics) };
    } catch (err) {
      if (oom) return this.result(state, 'oom', output, `out of memory (test command exit ${tests.exitCode})`);
      const known = err instanceof ReportError || err instanceof ReportMissingError || err instanceof UnsafeArchiveError;
      if (!known) throw err;
      const what = err instanceof ReportMissingError ? `wrote no ${req.reportFormat} report at ${req.reportPath}` : `left an unusable report: ${err.message}`;
      return this.result(state, 'error', output, `the test command (exit ${tests.exitCode}) ${what}`);
    }
  }

  private interrupted(state: RunState, output: string): RunResult {
    const { watchdog, req } = state;
    return watchdog.aborted
      ? this.result(state, 'error', output, 'run cancelled')
      : this.result(state, 'timeout', output, `time limit of ${req.limits.timeoutMs} ms exceeded; the run was killed`);
  }

  /** A result without graded tests; max_score still reflects the weights the challenge declared. */
  private result(state: RunState, status: RunStatus, output: string, diagnostic: string): RunResult {
    const maxScore = Object.values(state.req.tests ?? {}).reduce((s, t) => s + (t.weight ?? 1), 0);
    return { status, score: 0, max_score: maxScore, execution_time: state.watchdog.elapsedMs(), output: this.withDiagnostics(state.req, output, diagnostic), tests: [] };
  }

  /**
   * Appends the platform's own lines: a declared package the image lacks, then a library the output says is
   * missing (it explains the crash above it), then the diagnostic.
   */
  private withDiagnostics(req: ParsedRunRequest, output: string, diagnostic: string): string {
    const lines = [describeUndeclaredPackages(req.submissionFiles, req.runtime.libraries), describeMissingPackages(output, req.runtime.libraries), diagnostic].filter(Boolean);
    if (lines.length === 0) return output;
    return `${output}${output && !output.endsWith('\n') ? '\n' : ''}${lines.map((l) => `[sandbox] ${l}`).join('\n')}`;
  }

  private submissionEnv(state: RunState): Record<string, string> {
    const { req, sidecars } = state;
    // In-container runs hold the tests too: they get the read-only URL beside the app's.
    return { ...this.serviceEnv(req.service.port, sidecars), ...(sidecars && req.mode === 'in-container' ? sidecars.runnerEnv : {}) };
  }

  private serviceEnv(port: number, sidecars?: RunSidecars): Record<string, string> {
    return { PORT: String(port), DATA_DIR: `${this.config.workspace}/.data`, ...sidecars?.submissionEnv };
  }

  /** Starts the challenge's sidecars (if any) on NETWORK in the background; their env is known at once. */
  private startSidecars(state: RunState, network: string): void {
    if (!state.req.services) return;
    state.progress('preparing', `starting ${Object.keys(state.req.services).filter((k) => state.req.services?.[k as 'postgres']).join(' and ')} on the run's network`);
    const owner = { runId: state.req.runId, cpus: state.req.limits.cpus, services: state.req.services };
    state.sidecars = startSidecars(this.docker, this.config, owner, network, (m) => !state.ended && state.progress('starting', m));
  }

  private resultDirs(req: ParsedRunRequest): string[] {
    const dir = req.reportPath.includes('/') ? req.reportPath.slice(0, req.reportPath.lastIndexOf('/')) : '';
    return ['.data', ...(dir ? [dir] : [])];
  }
}
