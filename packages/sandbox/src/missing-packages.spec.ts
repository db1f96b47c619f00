import { describe, expect, it } from 'vitest';
import { describeMissingPackages, findMissingPackages } from './missing-packages';

// Error texts as each runtime image prints them (captured from takehome/<runtime> containers).
const NODE_CJS = `node:internal/modules/cjs/loader:1210
  throw err;
  ^

Error: Cannot find module 'lodash/fp'
Require stack:
- /workspace/server.js
    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15) {
  code: 'MODULE_NOT_FOUND',
  requireStack: [ '/workspace/server.js' ]
}`;
const NODE_ESM = `node:internal/modules/esm/resolve:873
  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);
        ^

Error [ERR_MODULE_NOT_FOUND]: Cannot find package '@nestjs/core' imported from /workspace/main.mjs`;
const PYTHON = `Traceback (most recent call last):
  File "/workspace/main.py", line 3, in <module>
    import requests.adapters
ModuleNotFoundError: No module named 'requests'`;
const RUBY = "<internal:/usr/lib/ruby/vendor_ruby/rubygems/core_ext/kernel_require.rb>:85:in `require': cannot load such file -- rails (LoadError)";
const GO = `main.go:2:8: cannot find package "github.com/gorilla/mux" in any of:
	/usr/lib/go-1.19/src/github.com/gorilla/mux (from $GOROOT)`;
const JAVA = './Main.java:1: error: package org.springframework.web.bind.annotation does not exist';
const CPP = '/w/main.cpp:1:10: fatal error: boost/asio.hpp: No such file or directory';

const NODE_LIBS = { express: '5.3.0', zod: '4.6.7' };

describe('findMissingPackages', () => {
  it.each([
    ['node require (subpath)', NODE_CJS, 'package', 'lodash'],
    ['node import (scoped)', NODE_ESM, 'package', '@nestjs/core'],
    ['python', PYTHON, 'package', 'requests'],
    ['ruby', RUBY, 'gem', 'rails'],
    ['go', GO, 'package', 'github.com/gorilla/mux'],
    ['java', JAVA, 'package', 'org.springframework.web.bind.annotation'],
    ['c++', CPP, 'header', 'boost/asio.hpp'],
  ])('names the package a %s error is about', (_what, output, noun, name) => {
    expect(findMissingPackages(output, {})).toEqual([{ noun, name }]);
  });

  it("leaves the candidate's own files and Node built-ins alone", () => {
    const output = [
      "Error: Cannot find module './db'",
      "Error: Cannot find module '/workspace/server.js'",
      "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/workspace/store.js' imported from /workspace/main.mjs",
      "Error: Cannot find module 'node:missing'",
      'cannot load such file -- /workspace/lib/store (LoadError)',
      'main.cpp:1:10: fatal error: store.hpp: No such file or directory',
    ].join('\n');
    expect(findMissingPackages(output, {})).toEqual([]);
  });

  it('says nothing about an offered package whose missing part is a different problem', () => {
    expect(findMissingPackages("Error: Cannot find module 'express/lib/nope'", NODE_LIBS)).toEqual([]);
    expect(findMissingPackages("ModuleNotFoundError: No module named 'Flask.ext'", { flask: '2.2.2' })).toEqual([]);
  });

  it('names each missing package once, in the order they appear', () => {
    const output = `${NODE_CJS}\n${NODE_CJS}\nError: Cannot find module 'axios'`;
    expect(findMissingPackages(output, NODE_LIBS).map((m) => m.name)).toEqual(['lodash', 'axios']);
  });
});

describe('describeMissingPackages', () => {
  it('says in plain words what is missing and lists what the runtime offers', () => {
    expect(describeMissingPackages(NODE_CJS, NODE_LIBS)).toBe(
      "package 'lodash' is not available in this runtime (nothing is downloaded; it is neither an offered library nor one of your files); " +
        'available: express 5.3.0, zod 4.6.7 and the standard library',
    );
  });

  it('groups several missing packages in one sentence', () => {
    expect(describeMissingPackages(`${NODE_CJS}\n${NODE_ESM}`, NODE_LIBS)).toMatch(/^package 'lodash', package '@nestjs\/core' are not available/);
  });

  it('says "standard library only" for a runtime with no libraries, and nothing without a catalogue or a miss', () => {
    expect(describeMissingPackages(PYTHON, {})).toMatch(/available: the standard library only$/);
    expect(describeMissingPackages(PYTHON, undefined)).toBe('');
    expect(describeMissingPackages('Error: listen EADDRINUSE', NODE_LIBS)).toBe('');
  });
});
