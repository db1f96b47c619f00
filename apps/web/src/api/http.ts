import { errorResponse } from '@takehome/contracts';
import type { z } from 'zod';

/**
 * An API error with the server's message, ready to show to the person who caused it, and the server's reason
 * `code` where it sent one (pages that say a different sentence per case switch on it; "offline" when the
 * server could not be reached at all).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
    // Which API path answered, so a 401 from the team API can be told apart from the candidate API's.
    readonly path = '',
    // The server's machine-readable reason, where it gives one (e.g. 'expired' for a link, 'session_ended').
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * The one HTTP client of the web app (team and candidate pages): fetches JSON and parses it with the
 * contract's schema, so the page never works on a shape it did not expect.
 */
export async function request<S extends z.ZodType>(
  schema: S,
  path: string,
  init: RequestInit & { json?: unknown; acceptStatuses?: number[] } = {},
): Promise<z.infer<S>> {
  const { json, acceptStatuses = [], ...rest } = init;
  let res: Response;
  try {
    res = await fetch(path, {
      credentials: 'same-origin',
      ...rest,
      headers: { Accept: 'application/json', ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...rest.headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch {
    throw new ApiError(0, 'No connection to the server.', [], path, 'offline');
  }
  const body = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok && !acceptStatuses.includes(res.status)) {
    const parsed = errorResponse.safeParse(body);
    throw parsed.success
      ? new ApiError(res.status, parsed.data.message, parsed.data.issues, path, parsed.data.code)
      : new ApiError(res.status, `The server answered ${res.status} ${res.statusText}.`, [], path);
  }
  return schema.parse(body);
}

export const errorCode = (error: unknown) => (error instanceof ApiError ? error.code : undefined);
export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
