/**
 * Reads a run's output for the ways each language says "this library is not installed" and turns them into
 * one plain sentence naming the package and what the image does offer. Images carry a fixed, offline set of
 * libraries, so a candidate reaching for another one would otherwise see only a stack trace or a compiler
 * error and might think the platform broke.
 */

interface Detector {
  /** what the candidate asked for, in the words of the language: package, module, header */
  noun: string;
  pattern: RegExp;
  /** the name to report, or undefined when the match is the candidate's own file rather than a library */
  name: (match: RegExpExecArray) => string | undefined;
}

/** require('lodash/fp') -> lodash, '@scope/pkg/x' -> @scope/pkg; relative, absolute and node: specifiers are files or built-ins. */
function nodePackage(specifier: string): string | undefined {
  if (/^(\.|\/|node:|file:)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const DETECTORS: Detector[] = [
  // CommonJS: Error: Cannot find module 'lodash'   ESM: Cannot find package 'lodash' imported from /workspace/x.js
  { noun: 'package', pattern: /Cannot find (?:module|package) '([^']+)'/g, name: (m) => nodePackage(m[1]) },
  // Python: ModuleNotFoundError: No module named 'requests.adapters' -> requests
  { noun: 'package', pattern: /ModuleNotFoundError: No module named '([^']+)'/g, name: (m) => m[1].split('.')[0] },
  // Ruby: cannot load such file -- rails (LoadError); require_relative names a path, which is the candidate's own
  { noun: 'gem', pattern: /cannot load such file -- ([^\s()]+)/g, name: (m) => (m[1].startsWith('/') || m[1].startsWith('.') ? undefined : m[1].split('/')[0]) },
  // Go (GOPATH mode): cannot find package "github.com/gorilla/mux" in any of
  { noun: 'package', pattern: /cannot find package "([^"]+)"/g, name: (m) => m[1] },
  // Java: error: package org.springframework.web does not exist
  { noun: 'package', pattern: /error: package ([\w.]+) does not exist/g, name: (m) => m[1] },
  // C/C++: fatal error: boost/asio.hpp: No such file or directory (only <...>-style paths with a folder are libraries)
  { noun: 'header', pattern: /fatal error: ([\w.+-]+\/[\w./+-]+): No such file or directory/g, name: (m) => m[1] },
];

/**
 * The packages the output says are missing, each once, minus those the image offers (a missing file inside an
 * offered package is a different problem) and the candidate's own files.
 */
export function findMissingPackages(output: string, available: Record<string, string>): Array<{ noun: string; name: string }> {
  const offered = new Set(Object.keys(available).map((n) => n.toLowerCase()));
  const seen = new Set<string>();
  const found: Array<{ noun: string; name: string }> = [];
  for (const d of DETECTORS) {
    for (const m of output.matchAll(d.pattern)) {
      const name = d.name(m);
      if (!name || offered.has(name.toLowerCase()) || seen.has(name)) continue;
      seen.add(name);
      found.push({ noun: d.noun, name });
    }
  }
  return found;
}

/** "package 'lodash' is not available in this runtime; available: express 5.3.0, ..." or '' when nothing is missing. */
export function describeMissingPackages(output: string, available: Record<string, string> | undefined): string {
  if (!available) return '';
  const missing = findMissingPackages(output, available);
  if (missing.length === 0) return '';
  const list = Object.entries(available).map(([name, version]) => `${name} ${version}`).join(', ');
  const what = missing.map((m) => `${m.noun} '${m.name}'`).join(', ');
  const verb = missing.length === 1 ? 'is' : 'are';
  const offered = list ? `${list} and the standard library` : 'the standard library only';
  return `${what} ${verb} not available in this runtime (nothing is downloaded; it is neither an offered library nor one of your files); available: ${offered}`;
}
