import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { databaseUrl, TEMPLATE_DATABASE } from '../../support/test-database';
import { freePort, onCleanup, scratchDir, waitFor } from './processes';

const BIN = `/usr/lib/postgresql/${readdirSync('/usr/lib/postgresql').sort().at(-1)}/bin`;

/**
 * A PostgreSQL cluster of the fault suite's own (never the shared one on 55432, which other engineers' tests
 * use): initdb into a folder `postgres` can enter, on a free port, filled from the migrated test template.
 */
export interface OwnPostgres {
  url: string;
  dataDir: string;
  stop(): void;
  start(): void;
}

function asPostgres(args: string[]) {
  const result = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { cwd: '/', encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args[0]} failed: ${result.stderr || result.stdout}`);
}

/** `onDisk`: a folder (the suite's small disk) to keep the data directory on; its log and dump stay outside. */
export async function startOwnPostgres(onDisk?: string): Promise<OwnPostgres> {
  const root = scratchDir('postgres');
  const dataDir = onDisk ? path.join(onDisk, 'postgres') : path.join(root, 'data');
  const port = await freePort();
  execFileSync('chown', ['postgres', root]);
  if (onDisk) {
    mkdirSync(dataDir, { mode: 0o700 });
    execFileSync('chown', ['postgres', dataDir]);
  }
  asPostgres([`${BIN}/initdb`, '-D', dataDir, '-U', 'takehome', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const options = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
  const pg = {
    url: `postgresql://takehome:takehome@127.0.0.1:${port}/takehome`,
    dataDir,
    stop: () => asPostgres([`${BIN}/pg_ctl`, '-D', dataDir, '-m', 'fast', '-w', 'stop']),
    start: () => asPostgres([`${BIN}/pg_ctl`, '-D', dataDir, '-l', path.join(root, 'server.log'), '-w', '-t', '60', '-o', options, 'start']),
  };
  pg.start();
  onCleanup(() => spawnSync('runuser', ['-u', 'postgres', '--', `${BIN}/pg_ctl`, '-D', dataDir, '-m', 'immediate', '-w', 'stop'], { cwd: '/' }));
  // The schema: a dump of the migrated template the global set-up built, so no migration runs twice.
  const adminUrl = new URL(pg.url);
  adminUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query('CREATE DATABASE takehome');
  await admin.end();
  const dumpFile = path.join(root, 'schema.sql');
  const source = new URL(databaseUrl(TEMPLATE_DATABASE));
  const dump = spawnSync(`${BIN}/pg_dump`, ['--no-owner', '--no-privileges', '-h', source.hostname, '-p', source.port, '-U', source.username, TEMPLATE_DATABASE], {
    env: { ...process.env, PGPASSWORD: decodeURIComponent(source.password) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (dump.status !== 0) throw new Error(`pg_dump of the test template failed: ${dump.stderr}`);
  writeFileSync(dumpFile, dump.stdout);
  execFileSync(`${BIN}/psql`, ['-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'takehome', '-d', 'takehome', '-f', dumpFile], { stdio: 'pipe' });
  await waitFor('own PostgreSQL', async () => {
    const c = new Client({ connectionString: pg.url });
    await c.connect();
    await c.end();
    return true;
  });
  return pg;
}
