import { File, Region, TokenizedFile } from '@dodona/dolos-core';

// Kept as themselves: they carry a program's structure. Every other name becomes "id", so renaming variables
// does not hide a copy (Dolos's own tree-sitter tokens ignore names for the same reason).
const KEYWORDS = new Set(
  ('async await break case catch class const continue default delete do else export extends finally for from function ' +
    'if import in instanceof let new of return static super switch this throw try typeof var void while yield null ' +
    'undefined true false def elif except lambda pass raise with as is not and or None True False global nonlocal')
    .split(' '),
);
const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|#[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`|\d[\w.]*|[A-Za-z_$][\w$]*|\S/g;

/** Which submitted file and lines a stretch of the concatenated text came from. */
export interface FileSpan {
  path: string;
  firstRow: number;
  rows: number;
}

export interface TokenizedSubmission {
  tokenized: TokenizedFile;
  spans: FileSpan[];
}

const SOURCE = /\.(c|m)?[jt]sx?$|\.py$|\.go$|\.java$|\.rb$|\.(c|cc|cpp|h|hpp)$/;

/**
 * One submission as one Dolos file: its source files concatenated in path order, so a copy spread over
 * renamed or merged files still lines up. Comments and whitespace carry no tokens; lockfiles, JSON and prose
 * are left out (they match between any two submissions).
 */
export function tokenizeSubmission(label: string, files: Record<string, string>): TokenizedSubmission {
  const spans: FileSpan[] = [];
  const tokens: string[] = [];
  const mapping: Region[] = [];
  const parts: string[] = [];
  let row = 0;
  for (const path of Object.keys(files).filter((p) => SOURCE.test(p)).sort()) {
    const text = files[path]!;
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const rowOf = (offset: number) => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    for (const m of text.matchAll(TOKEN)) {
      const t = m[0];
      if (t.startsWith('//') || t.startsWith('/*') || t.startsWith('#')) continue;
      const start = m.index;
      const end = start + t.length;
      const [sr, er] = [rowOf(start), rowOf(Math.max(start, end - 1))];
      tokens.push(/^["'`]/.test(t) ? 'str' : /^\d/.test(t) ? 'num' : /^[A-Za-z_$]/.test(t) ? (KEYWORDS.has(t) ? t : 'id') : t);
      mapping.push(new Region(row + sr, start - lineStarts[sr]!, row + er, end - lineStarts[er]!));
    }
    const rows = lineStarts.length;
    spans.push({ path, firstRow: row, rows });
    parts.push(text.endsWith('\n') ? text.slice(0, -1) : text);
    row += rows;
  }
  return { tokenized: new TokenizedFile(new File(label, parts.join('\n')), tokens, mapping), spans };
}

/** A row of the concatenated text back to a file and a 1-based line. */
export function locate(spans: FileSpan[], row: number): { path: string; line: number } {
  const span = [...spans].reverse().find((s) => s.firstRow <= row) ?? spans[0]!;
  return { path: span.path, line: row - span.firstRow + 1 };
}
