import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export const MAX_CSV_ROWS = 1000;

const candidateRow = z.object({
  name: z.string().trim().min(1, 'name is required').max(200, 'name is longer than 200 characters'),
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'email is not a valid address' })),
  accommodationMinutes: z.coerce
    .number({ message: 'accommodation_minutes must be a whole number' })
    .int('accommodation_minutes must be a whole number')
    .min(0, 'accommodation_minutes cannot be negative')
    .max(480, 'accommodation_minutes is at most 480'),
});
export type CandidateRow = z.infer<typeof candidateRow>;

export interface RowProblem {
  /** 1-based line in the file, counting the header, as a spreadsheet shows it. */
  line: number;
  message: string;
}

export type CsvParseResult = { ok: true; rows: (CandidateRow & { line: number })[]; problems: RowProblem[] } | { ok: false; error: string };

/**
 * Reads `name,email[,accommodation_minutes]` rows. Each bad row is reported by line and skipped; a file that
 * is not a readable CSV with those columns is refused as a whole. Duplicate emails count as a problem on the
 * later line, so a file can never invite one person twice.
 */
export function parseCandidateCsv(text: string): CsvParseResult {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_')),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    return { ok: false, error: `not a readable CSV file: ${(error as Error).message}` };
  }
  const header = records.length ? Object.keys(records[0].record) : [];
  if (records.length && (!header.includes('name') || !header.includes('email'))) {
    return { ok: false, error: 'the first line must name the columns: name, email and optionally accommodation_minutes' };
  }
  if (records.length > MAX_CSV_ROWS) return { ok: false, error: `at most ${MAX_CSV_ROWS} candidates per file (this one has ${records.length})` };

  const rows: (CandidateRow & { line: number })[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  records.forEach(({ record, info }) => {
    // csv-parse counts the line a row ends on; a quoted value spanning lines moves its start back.
    const line = info.lines - newlinesIn(record);
    const parsed = candidateRow.safeParse({
      name: record.name ?? '',
      email: record.email ?? '',
      accommodationMinutes: record.accommodation_minutes || 0,
    });
    if (!parsed.success) {
      problems.push({ line, message: parsed.error.issues.map((i) => i.message).join('; ') });
      return;
    }
    const earlier = seen.get(parsed.data.email);
    if (earlier) {
      problems.push({ line, message: `${parsed.data.email} is already on line ${earlier}` });
      return;
    }
    seen.set(parsed.data.email, line);
    rows.push({ ...parsed.data, line });
  });
  return { ok: true, rows, problems };
}

function newlinesIn(record: Record<string, string>): number {
  return Object.values(record).reduce((count, value) => count + (value.match(/\n/g)?.length ?? 0), 0);
}
