import { z } from 'zod';

// zod compiles object parsers with `new Function` when the page allows eval, and finds out by trying it. The
// app's Content-Security-Policy forbids eval (script-src 'self'), so that probe alone is reported as a
// violation; jitless mode never tries. Imported first in main.tsx, before any schema parses anything.
z.config({ jitless: true });
