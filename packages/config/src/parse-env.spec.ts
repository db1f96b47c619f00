import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, env, parseEnv } from './index';

const schema = z.object({
  DATABASE_URL: env.url(['postgresql', 'postgres'], 'postgresql://u:p@127.0.0.1:5432/db'),
  PORT: env.port(3000),
});

describe(parseEnv.name, () => {
  it('fills working local defaults', () => {
    expect(parseEnv('api', schema, {})).toEqual({ DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/db', PORT: 3000 });
  });

  it('names the variable, the rule and the value in one line', () => {
    expect(() => parseEnv('api', schema, { PORT: 'eighty' })).toThrowError(
      new ConfigError('api: invalid configuration: PORT: Invalid input: expected number, received NaN (got "eighty")'),
    );
  });

  it('hides the password of a connection URL', () => {
    const error = (() => {
      try {
        parseEnv('api', schema, { DATABASE_URL: 'mysql://admin:hunter2@db/x' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain('DATABASE_URL: must be a URL starting with postgresql:// or postgres://');
    expect(error?.message).toContain('mysql://admin:***@db/x');
    expect(error?.message).not.toContain('hunter2');
    expect(error?.message.split('\n')).toHaveLength(1);
  });
});
