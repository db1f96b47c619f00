// Prisma 7 reads the connection from here, not from schema.prisma.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://takehome:takehome@127.0.0.1:55432/takehome' },
});
