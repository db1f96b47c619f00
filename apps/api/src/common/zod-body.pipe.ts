import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/**
 * Validates a request part against its contract. Used as `@Body(new ZodPipe(schema))`, so the schema
 * that validates is the one the web client was typed with.
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const nul = nulPath(value, []);
    if (nul !== null) {
      const path = nul || '(body)';
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${path}: ${NUL_MESSAGE}`, issues: [{ path, message: NUL_MESSAGE }] });
    }
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(body)',
      message: issue.message,
    }));
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      issues,
    });
  }
}

const NUL_MESSAGE = 'must not contain the NUL character (\\u0000); only text is stored';

/**
 * PostgreSQL text and jsonb cannot hold U+0000, so a string carrying one would fail at the database as a
 * 500. Refused here, for every body and query a contract validates, naming the field.
 */
function nulPath(value: unknown, path: (string | number)[]): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, i]);
      if (found !== null) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key.replace(/\u0000/g, '\\u0000')].join('.');
      const found = nulPath(inner, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
