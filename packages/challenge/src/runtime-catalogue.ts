import { RUNTIME_OFFERINGS } from '@takehome/contracts';
import type { Runtime } from './challenge-manifest.schema';

/**
 * What the platform offers per runtime: the images, how a submission is built and started (fixed by the
 * platform, never by a challenge, so a challenge cannot make the submission container run arbitrary
 * commands), the file that must exist for that to work, and the libraries the image carries offline.
 * docker/build-images.sh builds the images; the README's runtimes table documents the same facts.
 */
export interface RuntimeSpec {
  language: string;
  image: string;
  runnerImage: string;
  /** run in the submission's container before it starts; its failure is the run's result (build_failed) */
  buildCommand?: readonly string[];
  startCommand: readonly string[];
  /** a file the build/start convention needs, and what to tell an author whose starter lacks it */
  entrypoint: { file: string; hint: string };
  /** available without network in the sandbox: name -> version (shared with the web app via contracts) */
  libraries: Record<string, string>;
  /** the candidate's own tests (workbench): run in the runtime's runner image, never with the challenge's tests */
  ownTests?: OwnTestsSpec;
}

/**
 * How a candidate's own test files are found and run: the runtime's usual test command, writing a report the
 * sandbox already parses. Fixed by the platform like startCommand, so a candidate cannot choose the command.
 */
export interface OwnTestsSpec {
  command: readonly string[];
  /** relative to the workspace; its folder is created before the command runs */
  reportPath: string;
  format: 'junit';
  /** what to tell a candidate about naming their test files */
  hint: string;
}

export const RUNTIME_CATALOGUE: Record<Runtime, RuntimeSpec> = {
  node20: {
    ...RUNTIME_OFFERINGS.node20,
    image: 'takehome/node20',
    runnerImage: 'takehome/node20-runner',
    startCommand: ['npm', 'start'],
    entrypoint: { file: 'package.json', hint: 'started with `npm start`' },
    ownTests: {
      command: ['node', '--test', '--test-reporter=junit', '--test-reporter-destination=.own-tests/report.xml', '--test-reporter=spec', '--test-reporter-destination=stdout'],
      reportPath: '.own-tests/report.xml',
      format: 'junit',
      hint: 'node --test finds files named *.test.js (or .mjs/.cjs) and files under a test/ folder',
    },
  },
  python3: {
    ...RUNTIME_OFFERINGS.python3,
    image: 'takehome/python3',
    runnerImage: 'takehome/python3-runner',
    startCommand: ['python3', 'main.py'],
    entrypoint: { file: 'main.py', hint: 'started with `python3 main.py`' },
    // The image has no pytest: unittest discovery, with the platform's JUnit writer (docker/supervisor/python).
    ownTests: {
      command: ['/opt/takehome/unittest-junit', '.own-tests/report.xml', '.', 'test*.py'],
      reportPath: '.own-tests/report.xml',
      format: 'junit',
      hint: 'unittest discovery finds files named test*.py',
    },
  },
  go: {
    ...RUNTIME_OFFERINGS.go,
    image: 'takehome/go',
    runnerImage: 'takehome/go-runner',
    // `go build` in GOPATH mode over Debian's Go packages, under go.mod's module path: nothing is downloaded.
    buildCommand: ['/opt/takehome/build-go'],
    startCommand: ['./.build/service'],
    entrypoint: { file: 'main.go', hint: 'built with `go build` (package main)' },
  },
  java17: {
    ...RUNTIME_OFFERINGS.java17,
    image: 'takehome/java17',
    runnerImage: 'takehome/java17-runner',
    // Every .java file under the workspace, compiled with the JDBC driver on the classpath; no Maven or Gradle.
    buildCommand: ['/opt/takehome/build-java'],
    startCommand: ['java', '-XX:+UseSerialGC', '-Xss512k', '-cp', '.build:/usr/share/java/postgresql.jar:/usr/share/java/jackson-databind.jar:/usr/share/java/jackson-core.jar:/usr/share/java/jackson-annotations.jar', 'Main'],
    entrypoint: { file: 'Main.java', hint: 'class Main (default package), built with javac' },
  },
  cpp: {
    ...RUNTIME_OFFERINGS.cpp,
    image: 'takehome/cpp',
    runnerImage: 'takehome/cpp-runner',
    buildCommand: ['/opt/takehome/build-cpp'],
    startCommand: ['./.build/service'],
    entrypoint: { file: 'CMakeLists.txt', hint: 'built with CMake into an executable named `service`' },
  },
  ruby: {
    ...RUNTIME_OFFERINGS.ruby,
    image: 'takehome/ruby',
    runnerImage: 'takehome/ruby-runner',
    startCommand: ['ruby', 'main.rb'],
    entrypoint: { file: 'main.rb', hint: 'started with `ruby main.rb`' },
  },
};
