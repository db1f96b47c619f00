#!/usr/bin/env node
import { ChallengeFormatError, type Runtime } from '@takehome/challenge';
import { ConfigError } from '@takehome/config';
import { Command } from 'commander';
import { CliError } from './cli-error';
import { describeAuditCheck, verifyAudit } from './commands/audit-verify.command';
import { importChallenge } from './commands/import.command';
import { createOrganizationCommand } from './commands/org-create.command';
import { runCommand } from './commands/run.command';
import { DEFAULT_MUTANT_RUNS, validateChallenge } from './commands/validate.command';

const program = new Command('assess')
  .description('Takehome command line: grade submissions and author challenges as code')
  .showHelpAfterError();

program
  .command('run')
  .description('run a submission against a challenge and print one JSON result')
  .argument('<challenge-dir>', 'challenge package folder')
  .argument('<submission-dir>', 'folder with the submission files')
  .option('--runtime <id>', 'runtime to run in (default: the challenge\'s first)')
  .option('--suite <suite>', 'visible, hidden or all', 'all')
  .option('--json', 'compact JSON and no progress lines')
  .action(async (challengeDir: string, submissionDir: string, options) => {
    const result = await runCommand(challengeDir, submissionDir, options);
    process.stdout.write(`${JSON.stringify(result, null, options.json ? 0 : 2)}\n`);
  });

function parseRuns(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 50) throw new CliError(`--mutant-runs must be a whole number from 0 to 50, got "${value}"`);
  return n;
}

const challenge = program.command('challenge').description('author challenge packages');

challenge
  .command('validate')
  .description('check the format, then run starters, reference solutions and mutants in the sandbox')
  .argument('<dir>', 'challenge package folder')
  .option('--runtime <id>', 'only this runtime')
  .option('--mutant-runs <n>', `hidden-suite runs per mutant; 0 skips mutants (default ${DEFAULT_MUTANT_RUNS})`, parseRuns, DEFAULT_MUTANT_RUNS)
  .action(async (dir: string, options: { runtime?: Runtime; mutantRuns: number }) => {
    console.log(`Validating ${dir}`);
    const ok = await validateChallenge(
      dir,
      (c) => console.log(`  ${c.warning ? '!' : c.ok ? '✓' : '✗'} [${c.runtime}] ${c.what} — ${c.detail}${c.durationMs ? ` (${(c.durationMs / 1000).toFixed(1)} s)` : ''}`),
      { only: options.runtime, mutantRuns: options.mutantRuns },
    );
    console.log(ok ? 'valid' : 'INVALID');
    process.exitCode = ok ? 0 : 1;
  });

challenge
  .command('import')
  .description('store the package as a new immutable challenge version (same content = same version)')
  .argument('<dir>', 'challenge package folder')
  .requiredOption('--org <slug>', 'organization slug')
  .action(async (dir: string, options: { org: string }) => {
    const saved = await importChallenge(dir, options.org);
    console.log(`${saved.slug} v${saved.version} ${saved.created ? 'imported' : 'unchanged (same content as this version)'} (${saved.id})`);
  });

const org = program.command('org').description('organizations and their first admin');

org
  .command('create')
  .description('create an organization and its first admin; prints a one-time link where the admin sets a password')
  .requiredOption('--name <name>', 'organization name')
  .requiredOption('--admin-email <email>', "the first admin's email (their sign-in)")
  .option('--admin-name <name>', "the first admin's name (default: the part of the email before @)")
  .action(async (options: { name: string; adminEmail: string; adminName?: string }) => {
    const { organization, admin, link } = await createOrganizationCommand(options);
    console.log(`organization "${organization.name}" created (slug ${organization.slug})`);
    console.log(`admin ${admin.email}: set the password within 7 days, once, at`);
    console.log(link);
  });

const audit = program.command('audit').description("check an organization's audit trail");

audit
  .command('verify')
  .description('recompute the hash chain of the audit trail; exit 1 naming the first edited or missing event')
  .requiredOption('--org <slug>', 'organization slug')
  .action(async (options: { org: string }) => {
    const result = await verifyAudit(options.org);
    const line = describeAuditCheck(options.org, result);
    if (result.ok) console.log(line);
    else console.error(line);
    process.exitCode = result.ok ? 0 : 1;
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof CliError || error instanceof ConfigError) {
    console.error(`assess: ${error.message}`);
  } else if (error instanceof ChallengeFormatError) {
    console.error(`assess: ${error.message}`);
  } else {
    console.error(`assess: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(2);
});
