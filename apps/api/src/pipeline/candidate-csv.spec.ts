import { describe, expect, it } from 'vitest';
import { parseCandidateCsv } from './candidate-csv';

describe(parseCandidateCsv.name, () => {
  it('reads good rows and reports each bad one by line, without stopping', () => {
    const csv = [
      'Name,Email,Accommodation Minutes',
      'Ada Lovelace,ADA@example.com,30',
      ',nobody@example.com,',
      'Grace Hopper,not-an-email,',
      'Alan Turing,alan@example.com,-5',
      'Ada Again,ada@example.com,',
      '"Smith, Jane",jane@example.com,',
    ].join('\n');
    const result = parseCandidateCsv(csv);
    expect(result).toEqual({
      ok: true,
      rows: [
        { name: 'Ada Lovelace', email: 'ada@example.com', accommodationMinutes: 30, line: 2 },
        { name: 'Smith, Jane', email: 'jane@example.com', accommodationMinutes: 0, line: 7 },
      ],
      problems: [
        { line: 3, message: 'name is required' },
        { line: 4, message: 'email is not a valid address' },
        { line: 5, message: 'accommodation_minutes cannot be negative' },
        { line: 6, message: 'ada@example.com is already on line 2' },
      ],
    });
  });

  it('counts lines as an editor shows them, past blank lines and values that span lines', () => {
    const csv = 'name,email\n\n"Ada\nLovelace",ada@example.com\nBad,nope\n';
    expect(parseCandidateCsv(csv)).toMatchObject({
      ok: true,
      rows: [{ email: 'ada@example.com', line: 3 }],
      problems: [{ line: 5, message: 'email is not a valid address' }],
    });
  });

  it('refuses a file without the name and email columns', () => {
    expect(parseCandidateCsv('who,where\nA,B\n')).toEqual({
      ok: false,
      error: 'the first line must name the columns: name, email and optionally accommodation_minutes',
    });
  });

  it('refuses a malformed CSV as a whole', () => {
    const result = parseCandidateCsv('name,email\n"unterminated,x@example.com\n');
    expect(result.ok).toBe(false);
  });

  it('accepts a byte-order mark and Windows line endings', () => {
    const result = parseCandidateCsv('\uFEFFname,email\r\nAda,ada@example.com\r\n');
    expect(result).toMatchObject({ ok: true, rows: [{ email: 'ada@example.com' }], problems: [] });
  });
});
