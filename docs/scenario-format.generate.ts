import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_FILE, renderJsonSchema, renderReference, SCHEMA_FILE } from './scenario-reference';

/**
 * `npm run scenario:docs`: writes the scenario JSON Schema and the format reference from
 * the zod schema. `--check` writes nothing and exits 1 when either file is stale.
 */
const root = join(fileURLToPath(import.meta.url), '..', '..');
const outputs: [string, string][] = [
  [SCHEMA_FILE, renderJsonSchema()],
  [REFERENCE_FILE, renderReference()],
];
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, text] of outputs) {
  const path = join(root, file);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // A missing file is simply stale.
  }
  if (current === text) continue;
  stale++;
  if (check) console.error(`${file} is stale: run npm run scenario:docs`);
  else {
    writeFileSync(path, text);
    console.log(`wrote ${file}`);
  }
}
if (stale === 0) console.log('scenario schema and reference are current');
process.exitCode = check && stale > 0 ? 1 : 0;
