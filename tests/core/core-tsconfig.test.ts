import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../repo-root';

/**
 * The core has its own tsconfig with the language's library only (no DOM, no Node
 * types), so the compiler itself refuses host APIs in src/core.
 */
const CORE_TSCONFIG = join(REPO_ROOT, 'src/core/tsconfig.json');
const TSC = join(REPO_ROOT, 'node_modules/.bin/tsc');

async function tsc(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await promisify(execFile)(TSC, ['--noEmit', '-p', project], { cwd: REPO_ROOT });
    return { code: 0, output: stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('the core tsconfig', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'surge-core-tsc-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('typechecks src/core with no DOM and no Node types', async () => {
    const { code, output } = await tsc(CORE_TSCONFIG);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('refuses document, window, setTimeout, process and TextEncoder in a file checked with it', async () => {
    writeFileSync(
      join(scratch, 'impure.ts'),
      "export const t = document.title + window.name + String(process.env['X']) + new TextEncoder().encode('x').length;\nsetTimeout(() => 0, 1);\n",
    );
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ extends: CORE_TSCONFIG, include: ['impure.ts'] }));
    const { code, output } = await tsc(join(scratch, 'tsconfig.json'));
    expect(code).not.toBe(0);
    for (const name of ['document', 'window', 'process', 'TextEncoder', 'setTimeout']) expect(output).toContain(`Cannot find name '${name}'`);
  });
});
