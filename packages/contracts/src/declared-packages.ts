/**
 * Reads what a submission declares it depends on, the usual way for its language (package.json,
 * requirements.txt, go.mod, Gemfile), and names what the runtime's image does not offer. Checked before the run
 * starts, so the candidate reads "lodash is not available; available: …" up front instead of only a crash later.
 * The run still goes ahead: a declared package the code never loads (a leftover, a dev tool) harms nothing.
 */

export interface UndeclaredPackage {
  file: string;
  name: string;
}

// Python's and Ruby's package names compare case-insensitively, with "-" and "_" alike (PEP 503).
const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

function fromPackageJson(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return []; // npm itself will say what is wrong with the file
  }
  if (!parsed || typeof parsed !== 'object') return [];
  const fields = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
  return fields.flatMap((field) => {
    const deps = (parsed as Record<string, unknown>)[field];
    return deps && typeof deps === 'object' ? Object.keys(deps) : [];
  });
}

function fromRequirements(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line && !line.startsWith('-'))
    .map((line) => /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(line)?.[0])
    .filter((name): name is string => !!name);
}

function fromGoMod(text: string): string[] {
  const names: string[] = [];
  const block = /require\s*\(([\s\S]*?)\)/g;
  for (const m of text.matchAll(block)) {
    for (const line of m[1].split('\n')) {
      const name = line.replace(/\/\/.*/, '').trim().split(/\s+/)[0];
      if (name) names.push(name);
    }
  }
  for (const m of text.matchAll(/^require\s+([^\s(]+)\s+\S+/gm)) names.push(m[1]);
  return names;
}

function fromGemfile(text: string): string[] {
  return [...text.matchAll(/^\s*gem\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

const MANIFESTS: Record<string, (text: string) => string[]> = {
  'package.json': fromPackageJson,
  'requirements.txt': fromRequirements,
  'go.mod': fromGoMod,
  Gemfile: fromGemfile,
};

/** Declared packages the image does not offer, from the manifests at the top of the submission. */
export function findUndeclaredPackages(files: Record<string, string>, available: Record<string, string>): UndeclaredPackage[] {
  const offered = new Set(Object.keys(available).map(normalize));
  const found: UndeclaredPackage[] = [];
  for (const [file, read] of Object.entries(MANIFESTS)) {
    const text = files[file];
    if (text === undefined) continue;
    for (const name of new Set(read(text))) if (!offered.has(normalize(name))) found.push({ file, name });
  }
  return found;
}

/** One sentence for the candidate, or '' when everything declared is offered (or nothing is declared). */
export function describeUndeclaredPackages(files: Record<string, string>, available: Record<string, string> | undefined): string {
  if (!available) return '';
  const missing = findUndeclaredPackages(files, available);
  if (missing.length === 0) return '';
  const list = Object.entries(available).map(([name, version]) => `${name} ${version}`).join(', ');
  const what = missing.map((m) => `'${m.name}' (declared in ${m.file})`).join(', ');
  const verb = missing.length === 1 ? 'is' : 'are';
  return `${what} ${verb} not available in this runtime, and nothing is downloaded; available: ${list ? `${list} and the standard library` : 'the standard library only'}`;
}
