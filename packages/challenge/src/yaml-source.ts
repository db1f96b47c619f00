import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ChallengeIssue } from './challenge-format.error';

/** Plenty for hand-written packages that share a block or two by anchor. */
const MAX_ALIAS_COUNT = 50;

type Located = { ok: true; value: unknown; doc: Document; lines: LineCounter } | { ok: false; issues: ChallengeIssue[] };

/** Parses YAML keeping node positions, so later schema issues can still point at a line. */
export function parseYamlSource(file: string, text: string): Located {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        // prettyErrors adds position and a code excerpt to the message; the line is reported separately.
        message: `invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        line: e.linePos?.[0]?.line,
      })),
    };
  }
  try {
    // An alias bomb (anchors referencing anchors) expands exponentially; yaml refuses past this many alias
    // expansions by throwing, which must become the author's error rather than a 500.
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), doc, lines };
  } catch (error) {
    return { ok: false, issues: [{ file, message: `invalid YAML: ${(error as Error).message}` }] };
  }
}

/** Validates parsed YAML with a zod schema, turning each zod issue into a located, readable issue. */
export function validateYaml<S extends z.ZodType>(
  file: string,
  source: { value: unknown; doc: Document; lines: LineCounter },
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; issues: ChallengeIssue[] } {
  const result = schema.safeParse(source.value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const issues = result.error.issues.map((issue) => ({
    file,
    path: issue.path.length > 0 ? formatPath(issue.path) : undefined,
    message: describeIssue(issue),
    line: lineOf(source.doc, source.lines, issue.path),
  }));
  return { ok: false, issues };
}

/** Parses and validates in one step, collecting every problem into `issues`; undefined when there were any. */
export function parseAndValidate<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  issues: ChallengeIssue[],
): z.output<S> | undefined {
  const parsed = parseYamlSource(file, text);
  if (!parsed.ok) {
    issues.push(...parsed.issues);
    return undefined;
  }
  const validated = validateYaml(file, parsed, schema);
  if (!validated.ok) {
    issues.push(...validated.issues);
    return undefined;
  }
  return validated.data;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => {
      if (typeof p === 'number') return `[${p}]`;
      const s = String(p);
      // Test names contain spaces, so quote any key that would not read as a plain identifier.
      const plain = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(s);
      return plain ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`;
    })
    .join('');
}

// zod's default wording ("Invalid input: expected string, received undefined") reads poorly to challenge authors.
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `required (expected ${issue.expected})`;
      return `expected ${issue.expected}, got ${typeName(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `must have at least ${issue.minimum} item(s)`
        : issue.origin === 'string'
          ? issue.message.startsWith('Too small') ? `must not be empty` : issue.message
          : `must be ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `must have at most ${issue.maximum} item(s)`
        : issue.origin === 'string'
          ? `must be at most ${issue.maximum} characters`
          : `must be ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    default:
      return issue.message;
  }
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

// Missing fields have no node, so walk up to the nearest ancestor that exists and report its line.
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
