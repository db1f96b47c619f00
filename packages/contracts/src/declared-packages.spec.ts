import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeUndeclaredPackages, findUndeclaredPackages } from './declared-packages';
import { RUNTIME_OFFERINGS } from './runtimes';

const node = { express: '5.3.0', pg: '8.23.1' };
const python = { flask: '2.2.2', psycopg: '3.1.7', 'typing-extensions': '4.4.0' };

describe(findUndeclaredPackages.name, () => {
  it('names npm packages from every dependency field, and not the offered ones', () => {
    const files = { 'package.json': JSON.stringify({ dependencies: { express: '^5', lodash: '4' }, devDependencies: { jest: '29' }, scripts: { start: 'node server.js' } }) };
    expect(findUndeclaredPackages(files, node)).toEqual([
      { file: 'package.json', name: 'lodash' },
      { file: 'package.json', name: 'jest' },
    ]);
  });

  it('reads requirements.txt the way pip does: versions, extras, comments and options aside, names compared loosely', () => {
    const files = { 'requirements.txt': '# web\nFlask==2.2.2\nrequests[socks]>=2 ; python_version > "3"\n-r other.txt\n\nTyping_Extensions\npsycopg[binary]\n' };
    expect(findUndeclaredPackages(files, python)).toEqual([{ file: 'requirements.txt', name: 'requests' }]);
  });

  it('reads go.mod require lines and blocks, and Gemfile gems', () => {
    const goMod = 'module example.com/svc\n\ngo 1.19\n\nrequire github.com/lib/pq v1.10.7\nrequire (\n\tgithub.com/gorilla/mux v1.8.0 // indirect\n\tgithub.com/go-chi/chi/v5 v5.0.7\n)\n';
    expect(findUndeclaredPackages({ 'go.mod': goMod }, { 'github.com/go-chi/chi/v5': '5.0.7', 'github.com/lib/pq': '1.10.7' })).toEqual([
      { file: 'go.mod', name: 'github.com/gorilla/mux' },
    ]);
    expect(findUndeclaredPackages({ Gemfile: "source 'https://rubygems.org'\ngem 'sinatra', '~> 3.0'\ngem \"rails\"\n" }, { sinatra: '3.0.5' })).toEqual([
      { file: 'Gemfile', name: 'rails' },
    ]);
  });

  it('says nothing about a manifest it cannot read, or files that are not manifests', () => {
    expect(findUndeclaredPackages({ 'package.json': '{ not json', 'src/package.json': '{"dependencies":{"x":"1"}}' }, node)).toEqual([]);
  });
});

describe(describeUndeclaredPackages.name, () => {
  it('gives one sentence with what is available', () => {
    const text = describeUndeclaredPackages({ 'package.json': '{"dependencies":{"lodash":"4"}}' }, node);
    expect(text).toBe("'lodash' (declared in package.json) is not available in this runtime, and nothing is downloaded; available: express 5.3.0, pg 8.23.1 and the standard library");
    expect(describeUndeclaredPackages({ 'package.json': '{"dependencies":{"express":"5"}}' }, node)).toBe('');
  });

  it('finds nothing to report in any built-in starter or reference solution', () => {
    const root = path.resolve(__dirname, '../../../challenges');
    const reported: string[] = [];
    for (const challenge of readdirSync(root).filter((d) => statSync(path.join(root, d)).isDirectory())) {
      for (const kind of ['starter', 'solutions']) {
        const dir = path.join(root, challenge, kind);
        for (const runtime of readdirSync(dir).filter((r) => r in RUNTIME_OFFERINGS)) {
          const files: Record<string, string> = {};
          for (const manifest of ['package.json', 'requirements.txt', 'go.mod', 'Gemfile']) {
            try {
              files[manifest] = readFileSync(path.join(dir, runtime, manifest), 'utf8');
            } catch {
              // not every runtime has every manifest
            }
          }
          const libraries = RUNTIME_OFFERINGS[runtime as keyof typeof RUNTIME_OFFERINGS].libraries;
          for (const p of findUndeclaredPackages(files, libraries)) reported.push(`${challenge}/${kind}/${runtime}: ${p.name}`);
        }
      }
    }
    expect(reported).toEqual([]);
  });
});
