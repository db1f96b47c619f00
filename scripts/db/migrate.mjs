#!/usr/bin/env node
// Applies and creates Prisma migrations without the native schema engine, which Prisma's CLI downloads at
// start-up and which cannot be fetched on an offline machine. The same engine, compiled to WebAssembly, ships
// as an npm package; it records applied migrations in Prisma's own _prisma_migrations table, so
// `prisma migrate deploy` keeps working wherever the native engine is available.
//
//   node scripts/db/migrate.mjs deploy          apply every pending migration in prisma/migrations
//   node scripts/db/migrate.mjs diff NAME       write prisma/migrations/<timestamp>_NAME/migration.sql with
//                                               what schema.prisma adds to the migrations (applies them first)
//   node scripts/db/migrate.mjs check           exit 1 when schema.prisma has changes no migration holds
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const schemaPath = path.join(root, 'prisma/schema.prisma');
const migrationsDir = path.join(root, 'prisma/migrations');
const lockfilePath = path.join(migrationsDir, 'migration_lock.toml');

function fail(message) {
  console.error(`db: ${message}`);
  process.exit(1);
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it at every ";", which cuts a PL/pgSQL function body
 * apart (the audit chain's triggers, migration 20261202060821_audit_chain). PostgreSQL takes a whole script
 * as one simple query, as Prisma's native engine sends it, so every connection's scripts go unsplit.
 */
function wholeScripts(factory) {
  const unsplit = (adapter) => {
    adapter.executeScript = async function executeScript(script) {
      try {
        await this.client.query(script);
      } catch (error) {
        this.onError(error);
      }
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => unsplit(await connect());
  factory.connectToShadowDb = async () => unsplit(await connectToShadowDb());
  return factory;
}

async function openEngine(connectionString) {
  const { PrismaPg } = require('@prisma/adapter-pg');
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
  const wasmDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bg = await import(path.join(wasmDir, 'schema_engine_bg.js'));
  const bytes = await readFile(path.join(wasmDir, 'schema_engine_bg.wasm'));
  // Node 20 cannot import a .wasm module, so the wasm-bindgen glue is wired to the instance by hand.
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScripts(new PrismaPg({ connectionString })));
  const schema = await readFile(schemaPath, 'utf8');
  const log = () => {};
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, adapter);
}

async function loadMigrations() {
  const entries = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, 'migration.sql');
    if (!existsSync(file)) fail(`${path.relative(root, file)} is missing`);
    migrationDirectories.push({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: await readFile(file, 'utf8') } },
    });
  }
  const lockfile = existsSync(lockfilePath) ? await readFile(lockfilePath, 'utf8') : null;
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

const filters = { externalTables: [], externalEnums: [] };

async function deploy(engine) {
  const migrationsList = await loadMigrations();
  const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters });
  const total = migrationsList.migrationDirectories.length;
  console.log(
    appliedMigrationNames.length
      ? `db: applied ${appliedMigrationNames.length} migration(s): ${appliedMigrationNames.join(', ')}`
      : `db: schema up to date (${total} migration(s))`,
  );
}

// The engine replays the migrations into its "shadow" database, which with a driver adapter is the database
// the adapter points at; so the diff runs against a throw-away database, never the real one.
async function pendingScript(url) {
  const pg = require(require.resolve('pg', { paths: [path.dirname(require.resolve('@prisma/adapter-pg'))] }));
  // Introspection reads catalog columns of PostgreSQL's internal "char" type (OID 18), which the pg driver
  // adapter does not map; reading them as text is what the native engine does. CIDR's slot is borrowed
  // because the adapter compares against this very object and migrations never select a cidr column.
  pg.types.builtins.CIDR = 18;
  const { Client } = pg;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  const scratch = `takehome_shadow_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${scratch}"`);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${scratch}`;
  let engine;
  try {
    engine = await openEngine(scratchUrl.toString());
    const schema = await readFile(schemaPath, 'utf8');
    const migrationsList = await loadMigrations();
    const files = [{ path: schemaPath, content: schema }];
    const from = migrationsList.migrationDirectories.length ? { tag: 'migrations', ...migrationsList } : { tag: 'empty' };
    const result = await engine.diff({ from, to: { tag: 'schemaDatamodel', files }, script: true, exitCode: null, filters });
    return isEmptyScript(result.stdout) ? '' : result.stdout;
  } finally {
    await engine?.dispose?.().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
  }
}

function isEmptyScript(script) {
  return !script?.trim() || /^-- This is an empty migration/.test(script.trim());
}

async function diff(url, name) {
  if (!/^[a-z0-9_]+$/.test(name ?? '')) fail('diff needs a migration name of lowercase letters, digits and _');
  const script = await pendingScript(url);
  if (!script) {
    console.log('db: schema.prisma matches the migrations; nothing to write');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), script);
  if (!existsSync(lockfilePath)) {
    await writeFile(lockfilePath, '# Please do not edit this file manually\nprovider = "postgresql"\n');
  }
  console.log(`db: wrote ${path.relative(root, dir)}/migration.sql`);
}

const [command, arg] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!url) fail('DATABASE_URL is not set');
let engine;
try {
  if (command === 'deploy') {
    engine = await openEngine(url);
    await deploy(engine);
  } else if (command === 'diff') await diff(url, arg);
  else if (command === 'check') {
    if (await pendingScript(url)) {
      fail('schema.prisma has changes that no migration holds; run npm run db:diff -- NAME');
    }
    console.log('db: migrations match schema.prisma');
  } else fail(`unknown command "${command ?? ''}"; use deploy, diff NAME or check`);
} catch (error) {
  fail(error?.message ?? String(error));
} finally {
  await engine?.dispose?.().catch(() => {});
}
