import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorResponse } from '@takehome/contracts';
import type { Response } from 'express';
import { isDependencyUnavailable, isStorageFull } from './unavailable-errors';

/**
 * Gives every error the one documented shape, `{ statusCode, error, code, message }` (plus `issues` for
 * validation): a route's own reason code where it names one, else one derived from the status
 * ("not_found", "bad_request", ...). Unexpected errors are logged and never leak internals.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === 503 && !(exception instanceof HttpException)) this.logger.warn(`dependency unavailable: ${(exception as Error)?.message?.split('\n')[0]}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorResponse {
    if (!(exception instanceof HttpException) && isDependencyUnavailable(exception)) {
      // The database (or another dependency) is away, or its disk is full: say so, so clients retry instead of
      // giving up. Same code either way: for a client both mean "not stored, try again later".
      const message = isStorageFull(exception)
        ? 'The server is out of storage space, so this was not saved. Please try again in a moment.'
        : 'The service is temporarily unavailable. Please try again in a moment.';
      return { statusCode: 503, error: 'Service Unavailable', message, code: 'unavailable' };
    }
    if (!(exception instanceof HttpException)) {
      return { statusCode: 500, error: 'Internal Server Error', code: 'internal_error', message: 'Something went wrong on our side.' };
    }
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const error = HttpStatus[statusCode]?.replace(/_/g, ' ').toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()) ?? 'Error';
    const fallback = HttpStatus[statusCode]?.toLowerCase() ?? 'error';
    if (typeof response === 'string') return { statusCode, error, code: fallback, message: response };
    const { message, issues, code } = response as { message?: string | string[]; issues?: ErrorResponse['issues']; code?: string };
    return {
      statusCode,
      error,
      code: typeof code === 'string' ? code : fallback,
      message: Array.isArray(message) ? message.join('; ') : (message ?? exception.message),
      ...(issues ? { issues } : {}),
    };
  }
}
