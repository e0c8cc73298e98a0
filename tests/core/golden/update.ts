/** Rewrites the pinned golden outcomes after a deliberate engine change. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenRuns } from './golden-runs';

writeFileSync(join(import.meta.dirname, 'mini.json'), `${JSON.stringify(goldenRuns(), null, 2)}\n`);
