import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blackBoxRequest, leftovers, loadDir, requireDocker, runner } from './test-support/harness';

// The node20 and python3 images carry their offered libraries offline; a library outside the set is named in
// plain words in the run's output, not left to a stack trace.
describe('offered libraries in the sandbox', () => {
  beforeAll(requireDocker);
  afterEach(async () => expect(await leftovers()).toBe(0));

  const NODE_LIBS = { express: '5.3.0', fastify: '5.12.8' };

  it('serves the notes service with express from the image, required and imported', async () => {
    const files = loadDir('node-service');
    // The hidden suite's health check through express, loaded both ways a candidate would load it.
    files['server.js'] = `require('express');\n${files['server.js']}`;
    files['check.mjs'] = "import express from 'express';\nimport Fastify from 'fastify';\nif (typeof express !== 'function' || typeof Fastify !== 'function') process.exit(1);\n";
    files['package.json'] = JSON.stringify({ name: 'notes', private: true, scripts: { start: 'node check.mjs && node server.js' } });
    const result = await runner.run(blackBoxRequest(files, { runtime: { image: 'takehome/node20', runnerImage: 'takehome/node20-runner', startCommand: ['npm', 'start'], libraries: NODE_LIBS } }));
    expect(result, result.output).toMatchObject({ status: 'completed', score: 3, max_score: 3 });
    expect(result.output).not.toContain('[sandbox] package');
  });

  it('names a package outside the set, with what is available, when the service dies requiring it', async () => {
    const files = loadDir('node-service');
    files['server.js'] = `require('lodash');\n${files['server.js']}`;
    const result = await runner.run(blackBoxRequest(files, {
      runtime: { image: 'takehome/node20', runnerImage: 'takehome/node20-runner', startCommand: ['npm', 'start'], libraries: NODE_LIBS },
      service: { port: 3000, readinessPath: '/health', readinessTimeoutMs: 4000 },
    }));
    expect(result.status).toBe('not_ready');
    expect(result.output).toContain("Cannot find module 'lodash'");
    expect(result.output).toContain(
      "[sandbox] package 'lodash' is not available in this runtime (nothing is downloaded; it is neither an offered library nor one of your files); available: express 5.3.0, fastify 5.12.8 and the standard library",
    );
  });

  it('says before the run starts that a declared package is outside the set, and again in the result', async () => {
    const files = loadDir('node-service');
    const pkg = JSON.parse(files['package.json'] ?? '{}');
    files['package.json'] = JSON.stringify({ ...pkg, dependencies: { ...pkg.dependencies, express: '^5', 'left-pad': '1.3.0' } });
    const phases: string[] = [];
    const result = await runner.run(
      blackBoxRequest(files, {
        runtime: { image: 'takehome/node20', runnerImage: 'takehome/node20-runner', startCommand: ['npm', 'start'], libraries: NODE_LIBS },
        service: { port: 3000, readinessPath: '/health', readinessTimeoutMs: 4000 },
      }),
      { onProgress: (p) => phases.push(p.message) },
    );
    const sentence = "'left-pad' (declared in package.json) is not available in this runtime, and nothing is downloaded; available: express 5.3.0, fastify 5.12.8 and the standard library";
    // The first thing the candidate hears, before any container exists; the run still goes ahead (the code never loads it).
    expect(phases[0]).toBe(sentence);
    expect(result.output).toContain(`[sandbox] ${sentence}`);
    expect(result.status).not.toBe('error');
  });

  it('serves the notes service written with Flask from the python image', async () => {
    const main = [
      'import json, os',
      'from flask import Flask, request',
      'app = Flask(__name__)',
      'FILE = os.path.join(os.environ["DATA_DIR"], "notes.json")',
      'def load():',
      '    return json.load(open(FILE)) if os.path.exists(FILE) else []',
      '@app.get("/health")',
      'def health():',
      '    return {"status": "ok"}',
      '@app.get("/notes")',
      'def notes():',
      '    return json.dumps(load()), 200, {"content-type": "application/json"}',
      '@app.post("/notes")',
      'def create():',
      '    notes = load() + [{"text": request.get_json()["text"]}]',
      '    json.dump(notes, open(FILE, "w"))',
      '    return notes[-1], 201',
      'app.run(host="0.0.0.0", port=int(os.environ["PORT"]))',
    ].join('\n');
    const result = await runner.run(blackBoxRequest({ 'main.py': main }, {}, 'python'));
    expect(result, result.output).toMatchObject({ status: 'completed', score: 3, max_score: 3 });
  });
});
