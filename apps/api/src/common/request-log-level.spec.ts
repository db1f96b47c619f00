import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestLogLevel } from './request-log-level';

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;
const response = (statusCode: number) => ({ statusCode }) as ServerResponse;

describe(requestLogLevel.name, () => {
  it('logs a stored autosave at debug only', () => {
    expect(requestLogLevel(request('PUT', '/api/candidate/files'), response(200))).toBe('debug');
    expect(requestLogLevel(request('GET', '/api/candidate/files'), response(200))).toBe('info');
    expect(requestLogLevel(request('PUT', '/api/candidate/files/rename'), response(200))).toBe('info');
  });

  it('keeps a refused autosave at info and a failed one at error', () => {
    expect(requestLogLevel(request('PUT', '/api/candidate/files'), response(409))).toBe('info');
    expect(requestLogLevel(request('PUT', '/api/candidate/files'), response(503))).toBe('error');
    expect(requestLogLevel(request('PUT', '/api/candidate/files'), response(200), new Error('boom'))).toBe('error');
  });
});
