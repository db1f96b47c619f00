import { describe, expect, it } from 'vitest';
import { challengeServices, describeService, inServiceOrder, servicesReachNote } from './challenge-services';

describe(challengeServices.name, () => {
  it('says each declared service with its version and connection variable, database first', () => {
    const services = challengeServices({ slug: 'x', services: { redis: { version: '7' }, postgres: { version: '15', testAccess: 'read-only' } } });
    expect(services.map(describeService)).toEqual(['PostgreSQL 15 — DATABASE_URL', 'Redis 7 — REDIS_URL']);
    expect(services[0]).toMatchObject({ host: 'postgres', port: 5432, testsReadData: true });
    expect(services[0].env).toContain('PGPASSWORD');
    expect(services[1]).toMatchObject({ host: 'redis', port: 6379, env: ['REDIS_URL'], testsReadData: false });
  });

  it('is empty for a challenge without services, and for a manifest it cannot read', () => {
    expect(challengeServices({ slug: 'x' })).toEqual([]);
    expect(challengeServices(null)).toEqual([]);
    expect(challengeServices({ services: 'postgres' })).toEqual([]);
  });

  it('reads a numeric version as written in YAML (version: 15)', () => {
    expect(challengeServices({ services: { postgres: { version: 15 } } }).map(describeService)).toEqual(['PostgreSQL 15 — DATABASE_URL']);
  });
});

describe(servicesReachNote.name, () => {
  it('names where each service lives, and nothing when there are none', () => {
    expect(servicesReachNote(challengeServices({ services: { postgres: { version: '15' } } }))).toContain('PostgreSQL 15 at postgres:5432');
    expect(servicesReachNote([])).toBe('');
  });
});

describe(inServiceOrder.name, () => {
  it('puts the database first, then the cache, then anything else by name', () => {
    expect(inServiceOrder([{ name: 'zeta' }, { name: 'redis' }, { name: 'postgres' }]).map((l) => l.name)).toEqual(['postgres', 'redis', 'zeta']);
  });
});
