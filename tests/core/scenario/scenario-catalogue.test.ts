import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/core/scenario/scenario.catalogue';
import { hashValue } from '../../../src/core/util/hash';
import { miniScenario, miniScenarioInput } from '../../fixtures/mini-scenario';

const miniYaml = stringify(miniScenarioInput);

describe('the scenario catalogue', () => {
  it('loads valid files by id with their version hash and file', () => {
    const { byId, problems } = loadCatalogue([{ file: 'scenarios/mini.yaml', text: miniYaml }]);
    expect(problems).toEqual([]);
    expect([...byId.keys()]).toEqual(['mini']);
    expect(byId.get('mini')).toMatchObject({ file: 'scenarios/mini.yaml', hash: hashValue(miniScenario) });
  });

  it('leaves a broken file out and reports its problems with the file name', () => {
    const { byId, problems } = loadCatalogue([
      { file: 'scenarios/mini.yaml', text: miniYaml },
      { file: 'scenarios/typo.yaml', text: 'format: 1\nid: typo\ntitel: Oops\n' },
    ]);
    expect([...byId.keys()]).toEqual(['mini']);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === 'scenarios/typo.yaml')).toBe(true);
  });

  it('refuses a second file with an id already loaded, naming the first', () => {
    const { byId, problems } = loadCatalogue([
      { file: 'a/mini.yaml', text: miniYaml },
      { file: 'b/mini.yaml', text: miniYaml },
    ]);
    expect(byId.get('mini')!.file).toBe('a/mini.yaml');
    expect(problems).toEqual([expect.objectContaining({ file: 'b/mini.yaml', path: 'id', message: expect.stringContaining('a/mini.yaml') })]);
  });
});
