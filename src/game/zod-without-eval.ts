import { z } from 'zod';

/*
 * Zod compiles object parsers with `new Function` when it may, and probes for that once; under
 * the server's Content-Security-Policy (script-src 'self', no 'unsafe-eval') the probe is a
 * reported violation. Parsing without the compiled fast path is plenty for what the game parses.
 * Imported first by the entry, so it runs before any schema parses.
 */
z.config({ jitless: true });
