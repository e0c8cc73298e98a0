import { describe, expect, it } from 'vitest';
import { DRAFT_FILE, draftPlayAddress, STUDIO_DRAFT_KEY, studioDraftFiles } from '../../../src/game/run/studio-draft';
import { buildCatalog } from '../../../src/game/run/scenario-catalog';
import { bundledScenarioFilesForTests } from './bundled-files';
import { STARTER_YAML } from '../../../src/studio/start-panel';

const storage = (items: Record<string, string>) => ({ getItem: (k: string) => items[k] ?? null });

describe('"play this draft": the studio hands its draft to the game', () => {
  it('offers the draft only when the address asks for it', () => {
    const kept = storage({ [STUDIO_DRAFT_KEY]: 'format: 1' });
    expect(studioDraftFiles('?draft=1&scenario=x', kept)).toEqual({ [DRAFT_FILE]: 'format: 1' });
    expect(studioDraftFiles('?scenario=x', kept)).toEqual({});
    expect(studioDraftFiles('?draft=1', storage({}))).toEqual({});
  });

  it('plays in practice mode, carries only the renderer over, and never puts the text in the address', () => {
    expect(draftPlayAddress('my-first-scenario', false, '?renderer=canvas&key=secret')).toBe('./?draft=1&scenario=my-first-scenario&mode=practice&renderer=canvas');
    expect(draftPlayAddress('intro', true)).toBe('./?draft=1&scenario=intro');
  });

  it('puts the draft in the game\'s catalogue ahead of a shipped scenario with the same id', () => {
    const shipped = bundledScenarioFilesForTests();
    const tutorial = shipped['/scenarios/tutorial.yaml']!;
    const draft = tutorial.replace(/^title: .*$/m, 'title: "My edited tutorial"');
    const catalog = buildCatalog({ ...studioDraftFiles('?draft=1', storage({ [STUDIO_DRAFT_KEY]: draft })), ...shipped });
    expect(catalog.entries.find((e) => e.id === 'tutorial')!.scenario.title).toBe('My edited tutorial');
    const own = buildCatalog({ ...studioDraftFiles('?draft=1', storage({ [STUDIO_DRAFT_KEY]: STARTER_YAML })), ...shipped });
    expect(own.entries.map((e) => e.id)).toContain('my-first-scenario');
    expect(own.problems).toEqual([]);
  });
});
