import { errorResponse } from '@takehome/contracts';
import type { z } from 'zod';
import { ApiError } from '../../../api/http';

/** An API error that also keeps the server's reason code: the candidate pages react differently per code. */
export class CandidateApiError extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly code: string | undefined,
  ) {
    super(status, message);
  }
}

export async function candidateRequest<S extends z.ZodType>(schema: S, path: string, init: RequestInit & { json?: unknown } = {}): Promise<z.infer<S>> {
  const { json, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(path, {
      credentials: 'same-origin',
      ...rest,
      headers: { Accept: 'application/json', ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch {
    throw new CandidateApiError(0, 'No connection to the server.', 'offline');
  }
  const body = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = errorResponse.safeParse(body);
    throw parsed.success
      ? new CandidateApiError(res.status, parsed.data.message, parsed.data.code)
      : new CandidateApiError(res.status, `The server answered ${res.status} ${res.statusText}.`, undefined);
  }
  return schema.parse(body);
}

export const errorCode = (error: unknown) => (error instanceof CandidateApiError ? error.code : undefined);
export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
