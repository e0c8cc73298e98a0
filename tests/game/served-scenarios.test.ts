import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ScenarioList, ScenarioSummary } from '../../src/api/index';
import { loadScenario } from '../../src/core/index';
import { buildCatalog, findEntry } from '../../src/game/run/scenario-catalog';
import { addServedScenarios, type ServedScenarioSource } from '../../src/game/run/served-scenarios';
import { miniScenarioInput } from '../fixtures/mini-scenario';

const bundledYaml = `# yaml-language-server: $schema=./scenario.schema.json\n${stringify(miniScenarioInput)}`;
const bundle = () => buildCatalog({ '/scenarios/mini.yaml': bundledYaml });

function summaryOf(yaml: string): ScenarioSummary {
  const loaded = loadScenario(yaml, 'served');
  if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
  const s = loaded.scenario;
  return { id: s.id, title: s.title, summary: s.summary, difficulty: s.difficulty, hash: loaded.hash, version: 1, source: 'published', realMinutes: 10, simMinutes: 180, injects: [] };
}

/** A server holding these files; it counts the versions it was asked for. */
function server(files: string[]): ServedScenarioSource & { asked: string[] } {
  const byHash = new Map(files.map((yaml) => [summaryOf(yaml).hash, yaml]));
  const asked: string[] = [];
  return {
    asked,
    scenarios: async (): Promise<ScenarioList> => ({ engineVersion: 'test', scenarios: files.map(summaryOf) }),
    scenarioVersion: async (id, hash) => {
      asked.push(id);
      return { id, hash, yaml: byHash.get(hash)! };
    },
  };
}

describe("the game's catalogue takes the server's scenarios", () => {
  it('adds a scenario the bundle lacks, playable like a bundled one', async () => {
    const catalog = bundle();
    const published = stringify({ ...miniScenarioInput, id: 'wheelchair', title: 'Lost wheelchair' });
    const source = server([bundledYaml, published]);
    expect(await addServedScenarios(catalog, source)).toEqual({ added: ['wheelchair'], problems: [] });
    expect(findEntry(catalog, 'wheelchair')).toMatchObject({ origin: 'server', hash: summaryOf(published).hash, scenario: { title: 'Lost wheelchair' } });
    // The bundled version is the server's too: nothing is fetched for it.
    expect(source.asked).toEqual(['wheelchair']);
    expect(findEntry(catalog, 'mini')!.origin).toBe('bundle');
  });

  it("replaces a bundled scenario with the server's newer version of it", async () => {
    const catalog = bundle();
    const newer = stringify({ ...miniScenarioInput, title: 'Mini mugging, second edition' });
    await addServedScenarios(catalog, server([newer]));
    expect(catalog.entries.filter((e) => e.id === 'mini')).toHaveLength(1);
    expect(findEntry(catalog, 'mini')).toMatchObject({ origin: 'server', hash: summaryOf(newer).hash });
  });

  it('keeps the bundle when the server is away, and reports a version it cannot read', async () => {
    const catalog = bundle();
    const away: ServedScenarioSource = { scenarios: () => Promise.reject(new Error('offline')), scenarioVersion: () => Promise.reject(new Error('offline')) };
    await expect(addServedScenarios(catalog, away)).rejects.toThrow('offline');
    expect(catalog.entries.map((e) => e.id)).toEqual(['mini']);

    const odd = stringify({ ...miniScenarioInput, id: 'odd' });
    const lying: ServedScenarioSource = {
      scenarios: async () => ({ engineVersion: 'test', scenarios: [{ ...summaryOf(odd), hash: '0123456789abcdef' }] }),
      scenarioVersion: async (id, hash) => ({ id, hash, yaml: odd }),
    };
    const result = await addServedScenarios(catalog, lying);
    expect(result.added).toEqual([]);
    expect(result.problems[0]).toMatch(/^server:odd@0123456789abcdef: this game reads it as odd@[0-9a-f]{16}/);
    expect(findEntry(catalog, 'odd')).toBeUndefined();
  });
});
