import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';

export const CSV_UPLOAD_LIMIT = 1024 * 1024;

const howToSend = 'Send the CSV as a multipart form field named "file", or as the body with Content-Type: text/csv.';

/**
 * The uploaded CSV as text: a form's `file` (read by multer, capped there) or the raw body. No global body
 * parser reads text/csv, so the raw body is read here, after the guards, and only by this route.
 */
export async function csvUploadText(req: Request, file: { buffer: Buffer } | undefined): Promise<string> {
  // Not text/plain: that is a type any foreign page's form can post without the browser asking first (CSRF);
  // cross-site multipart forms are refused by the Origin check (common/csrf-origin.ts).
  const bytes = file?.buffer ?? (req.is(['text/csv', 'application/csv']) ? await readCapped(req) : undefined);
  if (!bytes) throw new BadRequestException(howToSend);
  if (bytes.length === 0) throw new BadRequestException('The file is empty.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequestException('The file is not UTF-8 text: save it from the spreadsheet as "CSV UTF-8".');
  }
  // PostgreSQL text cannot hold U+0000; a name carrying one would fail at the database.
  if (text.includes('\u0000')) throw new BadRequestException('The file contains NUL bytes: save it from the spreadsheet as "CSV UTF-8".');
  return text;
}

/** Stops collecting at the cap without destroying the socket, so the client still gets its 413. */
function readCapped(req: Request): Promise<Buffer> {
  const tooLarge = () => new PayloadTooLargeException(`The file is larger than ${CSV_UPLOAD_LIMIT / 1024} KB.`);
  if (Number(req.headers['content-length']) > CSV_UPLOAD_LIMIT) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= CSV_UPLOAD_LIMIT) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd).off('error', reject);
      // Drain the rest unread, so the connection stays usable for the 413.
      req.resume();
      reject(tooLarge());
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}
