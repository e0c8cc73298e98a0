import { join } from 'node:path';

/** The repository's root folder, for tests that read shipped files or start its commands. */
export const REPO_ROOT = join(import.meta.dirname, '..');
