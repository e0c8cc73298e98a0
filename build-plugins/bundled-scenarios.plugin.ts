import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

type CoreScenarioLoading = typeof import('../src/core/scenario/scenario.catalogue') & typeof import('../src/core/scenario/scenario.loader');

/** The core's loader, read through tsx when needed: Vite's config loader reads only the config's own files. */
async function coreLoader(): Promise<CoreScenarioLoading> {
  const [catalogue, loader] = await Promise.all([
    tsImport('../src/core/scenario/scenario.catalogue.ts', import.meta.url),
    tsImport('../src/core/scenario/scenario.loader.ts', import.meta.url),
  ]);
  return { ...catalogue, ...loader } as CoreScenarioLoading;
}

/** The id the game imports the shipped scenarios from (typed in src/game/run/virtual-modules.d.ts). */
export const BUNDLED_SCENARIOS_ID = 'virtual:bundled-scenarios';
const RESOLVED_ID = `\0${BUNDLED_SCENARIOS_ID}`;

/**
 * Loads and validates the shipped scenario files when the game is built, and hands the game
 * the validated scenarios as JSON. The YAML parser and the schema's documentation then stay
 * out of the app chunk; the game needs them only for scenarios a server sends at run time,
 * and loads them lazily for those. A broken shipped file is reported the same way as before:
 * its problems reach the menu, the file is left out.
 */
export function bundledScenariosPlugin(folder: string): Plugin {
  return {
    name: 'surge-drill:bundled-scenarios',
    resolveId(id) {
      return id === BUNDLED_SCENARIOS_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { loadCatalogue, formatProblem } = await coreLoader();
      const files = readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort();
      const sources = files.map((f) => {
        const path = join(folder, f);
        this.addWatchFile(path);
        return { file: `scenarios/${f}`, text: readFileSync(path, 'utf8') };
      });
      const catalogue = loadCatalogue(sources);
      const compiled = {
        entries: [...catalogue.byId].map(([id, entry]) => ({ id, ...entry })),
        problems: catalogue.problems.map(formatProblem),
      };
      // JSON.parse of a string literal is quicker for engines to read than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
    },
  };
}
