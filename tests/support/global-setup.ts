import { createTemplateDatabase } from './test-database';

/** Runs once per `vitest run`: a migrated template database every test file clones. */
export default async function globalSetup() {
  await createTemplateDatabase();
}
