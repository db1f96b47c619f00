/**
 * What a candidate sees about each runtime before choosing it: the language and the libraries its image
 * carries offline (name -> version). packages/challenge's RUNTIME_CATALOGUE adds the images and the
 * build/start commands; the README's runtimes table lists the same facts.
 */
export const RUNTIME_OFFERINGS = {
  node20: {
    language: 'Node.js 20',
    // docker/runtimes/node20/libraries/package-lock.json pins these (a spec checks they agree).
    libraries: { express: '5.3.0', fastify: '5.12.8', pg: '8.23.1', ioredis: '5.11.1', zod: '4.6.7', supertest: '7.3.2' } as Record<string, string>,
  },
  python3: {
    language: 'Python 3.11',
    // Debian 12's packages, keyed by import name so a missing-module message can be matched against them.
    libraries: { flask: '2.2.2', fastapi: '0.92.0', uvicorn: '0.17.6', pydantic: '1.10.4', psycopg: '3.1.7', redis: '4.3.4', pytest: '7.2.1', httpx: '0.23.3' } as Record<string, string>,
  },
  go: {
    language: 'Go 1.19',
    libraries: { 'github.com/go-chi/chi/v5': '5.0.7', 'github.com/gin-gonic/gin': '1.8.1', 'github.com/lib/pq': '1.10.7' } as Record<string, string>,
  },
  java17: {
    language: 'Java 17',
    libraries: { 'PostgreSQL JDBC': '42.5.5', 'Jackson databind': '2.14.0', 'JDK HttpServer': '17', 'JUnit 5': '5.9.2' } as Record<string, string>,
  },
  cpp: {
    language: 'C++17 (GCC 12, CMake)',
    libraries: { 'cpp-httplib': '0.11.4', 'nlohmann-json': '3.11.2', libpqxx: '6.4.5', GoogleTest: '1.12.1' } as Record<string, string>,
  },
  ruby: {
    language: 'Ruby 3.1',
    libraries: { sinatra: '3.0.5', rack: '2.2.22', webrick: '1.8.1', puma: '5.6.5', pg: '1.4.5', minitest: '5.17' } as Record<string, string>,
  },
} as const;
export type RuntimeId = keyof typeof RUNTIME_OFFERINGS;
