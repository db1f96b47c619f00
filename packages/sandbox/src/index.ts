// Public API of @takehome/sandbox: the engine-neutral contract, the Docker engine, its configuration,
// the leftover reaper (call once at worker start) and the report parsers.
export * from './sandbox-runner';
export { createSandboxConfig, sandboxConfigSchema, SandboxConfigError, type SandboxConfig } from './config';
export { DockerSandboxRunner, SandboxInfrastructureError } from './docker-sandbox-runner';
export { mergeResults } from './merge-results';
export { reapLeftovers, type ReapReport } from './docker/reaper';
export { createDockerClient, createEngineProbeClient } from './docker/docker-client';
export { OWNER_LABEL, RUN_ID_LABEL, SANDBOX_LABEL } from './docker/labels';
export {
  GRADESCOPE_TOTAL_NAME,
  gradeTests,
  MISSING_TEST_OUTPUT,
  parseCtrf,
  parseGradescope,
  parseJunit,
  parseReport,
  ReportError,
  type ParsedReport,
  type ReportedTest,
} from './reports';
export { describeMissingPackages, findMissingPackages } from './missing-packages';
export { DockerWorkbenchSessions } from './sessions/docker-workbench-sessions';
export * from './sessions/session-types';
