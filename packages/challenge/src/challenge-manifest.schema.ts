import { type TestVisibility, testVisibility } from '@takehome/contracts';
import { z } from 'zod';
import { servicesSchema } from './services.schema';

/** Runtimes the platform has images for; a challenge may support any non-empty subset. */
export const RUNTIMES = ['node20', 'python3', 'go', 'java17', 'cpp', 'ruby'] as const;
export const runtimeSchema = z.enum(RUNTIMES);
export type Runtime = z.infer<typeof runtimeSchema>;

export const SUITE_NAMES = ['visible', 'hidden'] as const;
export type SuiteName = (typeof SUITE_NAMES)[number];

export const reportFormatSchema = z.enum(['junit', 'ctrf', 'gradescope']);
export type ReportFormat = z.infer<typeof reportFormatSchema>;

/** `after_published`: hidden while the attempt is open, shown to the candidate once feedback is released. */
export const testVisibilitySchema = testVisibility;
export type { TestVisibility };

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const testOverrideSchema = z.strictObject({
  weight: z.number().positive().max(100).default(1),
  visibility: testVisibilitySchema.optional(),
});
export type TestOverride = z.infer<typeof testOverrideSchema>;

export const suiteSchema = z.strictObject({
  // black-box: the tests run in a separate runner container and call the service over an internal network, so
  // hidden tests never enter the submission's container. in-container: tests run beside the code in the
  // runtime's own test image, for suites the candidate may read anyway (and for unit-test style challenges).
  mode: z.enum(['black-box', 'in-container']),
  command: z.array(z.string().min(1)).min(1),
  report: z.strictObject({
    format: reportFormatSchema,
    // Relative to the runner's workspace (where the suite's files are and its command runs): the rest of the
    // runner container is read-only, and the path is read from there after the run.
    path: z
      .string()
      .min(1)
      .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'must be a relative path inside the workspace, e.g. results/report.xml'),
  }),
  timeoutSeconds: z.number().int().min(10).max(3600),
  defaultVisibility: testVisibilitySchema,
  // Keys are test names exactly as the sandbox reads them from the report: JUnit `classname > name` (node:test:
  // describe blocks then the test, e.g. `notes > creates`), CTRF `suite > name`, Gradescope `name`.
  tests: z.record(z.string().min(1), testOverrideSchema).optional(),
  // Skipped, todo and pending tests: `exclude` (default) leaves them out of the maximum; `fail` counts them as failed.
  skipped: z.enum(['exclude', 'fail']).optional(),
});
export type Suite = z.infer<typeof suiteSchema>;

export const serviceContractSchema = z.strictObject({
  port: z.number().int().min(1).max(65535),
  readinessPath: z.string().startsWith('/', 'must start with /'),
});
export type ServiceContract = z.infer<typeof serviceContractSchema>;

export const challengeManifestSchema = z.strictObject({
  slug: z.string().max(64).regex(slugPattern, 'must be lowercase words joined by single dashes, e.g. url-shortener'),
  title: z.string().trim().min(1).max(120),
  summary: z.string().trim().min(1).max(600),
  roleType: z.enum(['application', 'platform', 'data', 'infrastructure']),
  skills: z
    .array(z.string().trim().min(1).max(60))
    .min(1)
    .max(20)
    .refine((s) => new Set(s).size === s.length, 'must not repeat a skill'),
  timeLimitMinutes: z.number().int().min(30).max(480),
  runtimes: z
    .array(runtimeSchema)
    .min(1)
    .refine((r) => new Set(r).size === r.length, 'must not repeat a runtime'),
  service: serviceContractSchema,
  suites: z.strictObject({ visible: suiteSchema, hidden: suiteSchema }),
  limits: z
    .strictObject({
      memoryMb: z.number().int().min(64).max(16384).optional(),
      cpus: z.number().min(0.1).max(16).optional(),
      /** compiled runtimes' build limit, separate from each suite's timeoutSeconds (default 120) */
      buildSeconds: z.number().int().min(10).max(900).optional(),
    })
    .optional(),
  // Sidecars (PostgreSQL, Redis) started beside the candidate's service for every run; absent = none.
  services: servicesSchema.optional(),
});
export type ChallengeManifest = z.infer<typeof challengeManifestSchema>;
