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
  /** how the candidate's own tests run in the submission image (built by own-test-inputs.ts) */
  ownTests: OwnTestsSpec;
}

/** The candidate's own tests: a command run in the workspace that writes one report the platform parses. */
export interface OwnTestsSpec {
  command: readonly string[];
  /** relative to the workspace */
  reportPath: string;
  format: 'junit';
  /** which files count as tests, in the words a candidate's README uses */
  files: string;
}

// Every runtime writes its own-test report to the same place; the sandbox creates the folder.
const OWN_REPORT = '.own-tests/junit.xml';
/** the images' own-tests script (docker/runtimes/<runtime>/own-tests): build and run, JUnit XML at OWN_REPORT */
const ownTestsScript = (files: string): OwnTestsSpec => ({ command: ['/opt/takehome/own-tests', OWN_REPORT], reportPath: OWN_REPORT, format: 'junit', files });

export const RUNTIME_CATALOGUE: Record<Runtime, RuntimeSpec> = {
  node20: {
    ...RUNTIME_OFFERINGS.node20,
    image: 'takehome/node20',
    runnerImage: 'takehome/node20-runner',
    startCommand: ['npm', 'start'],
    entrypoint: { file: 'package.json', hint: 'started with `npm start`' },
    ownTests: {
      // spec to the output the candidate reads, junit to the report the platform reads
      command: ['node', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=junit', `--test-reporter-destination=${OWN_REPORT}`],
      reportPath: OWN_REPORT,
      format: 'junit',
      files: 'node --test: *.test.js, *.test.mjs and files under test/',
    },
  },
  python3: {
    ...RUNTIME_OFFERINGS.python3,
    image: 'takehome/python3',
    runnerImage: 'takehome/python3-runner',
    startCommand: ['python3', 'main.py'],
    entrypoint: { file: 'main.py', hint: 'started with `python3 main.py`' },
    // -p no:cacheprovider: nothing of pytest's own is left in the workspace
    ownTests: { command: ['python3', '-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${OWN_REPORT}`], reportPath: OWN_REPORT, format: 'junit', files: 'pytest: test_*.py and *_test.py' },
  },
  go: {
    ...RUNTIME_OFFERINGS.go,
    image: 'takehome/go',
    runnerImage: 'takehome/go-runner',
    // `go build` in GOPATH mode over Debian's Go packages, under go.mod's module path: nothing is downloaded.
    buildCommand: ['/opt/takehome/build-go'],
    startCommand: ['./.build/service'],
    entrypoint: { file: 'main.go', hint: 'built with `go build` (package main)' },
    ownTests: ownTestsScript('go test ./...: *_test.go in every package'),
  },
  java17: {
    ...RUNTIME_OFFERINGS.java17,
    image: 'takehome/java17',
    runnerImage: 'takehome/java17-runner',
    // Every .java file under the workspace, compiled with the JDBC driver on the classpath; no Maven or Gradle.
    buildCommand: ['/opt/takehome/build-java'],
    startCommand: ['java', '-XX:+UseSerialGC', '-Xss512k', '-cp', '.build:/usr/share/java/postgresql.jar:/usr/share/java/jackson-databind.jar:/usr/share/java/jackson-core.jar:/usr/share/java/jackson-annotations.jar', 'Main'],
    entrypoint: { file: 'Main.java', hint: 'class Main (default package), built with javac' },
    ownTests: ownTestsScript('JUnit 5 (org.junit.jupiter): every class with @Test methods; files importing org.junit stay out of the service build'),
  },
  cpp: {
    ...RUNTIME_OFFERINGS.cpp,
    image: 'takehome/cpp',
    runnerImage: 'takehome/cpp-runner',
    buildCommand: ['/opt/takehome/build-cpp'],
    startCommand: ['./.build/service'],
    entrypoint: { file: 'CMakeLists.txt', hint: 'built with CMake into an executable named `service`' },
    ownTests: ownTestsScript('GoogleTest: an executable named `tests` in CMakeLists.txt, linked with GTest::gtest_main'),
  },
  ruby: {
    ...RUNTIME_OFFERINGS.ruby,
    image: 'takehome/ruby',
    runnerImage: 'takehome/ruby-runner',
    startCommand: ['ruby', 'main.rb'],
    entrypoint: { file: 'main.rb', hint: 'started with `ruby main.rb`' },
    ownTests: ownTestsScript('minitest: *_test.rb and test_*.rb'),
  },
};
