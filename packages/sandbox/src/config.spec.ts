import { describe, expect, it } from 'vitest';
import { createSandboxConfig } from './config';

describe(createSandboxConfig.name, () => {
  it('uses defaults for unset variables', () => {
    expect(createSandboxConfig({})).toMatchObject({ dockerSocket: '/var/run/docker.sock', user: '10001:10001', workspace: '/workspace', controlPort: 7070 });
  });

  it('reads and coerces SANDBOX_* variables', () => {
    expect(createSandboxConfig({ SANDBOX_TMP_MB: '16', SANDBOX_USER: '2000:2000' })).toMatchObject({ tmpMb: 16, user: '2000:2000' });
  });

  it('names the variable in errors', () => {
    expect(() => createSandboxConfig({ SANDBOX_TMP_MB: 'lots' })).toThrow(/SANDBOX_TMP_MB/);
    expect(() => createSandboxConfig({ SANDBOX_USER: 'root' })).toThrow(/SANDBOX_USER/);
  });
});
