import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../../src/core/scenario/scenario.loader';
import { miniScenarioInput } from '../../fixtures/mini-scenario';

type Data = Record<string, any>;

/** The mini scenario as a file after `change`, loaded; its problems as "file:line:column field: message". */
function problemsAfter(change: (d: Data) => void): string[] {
  const data = parse(stringify(miniScenarioInput)) as Data;
  change(data);
  const result = loadScenario(stringify(data), 'mini.yaml');
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('placeholders in variants and small talk are checked like template text', () => {
  it('accepts variants and wording that use defined variables', () => {
    expect(
      problemsAfter((d) => {
        d.templates[1].variants = ['{brand} left someone at {station} again'];
        d.wording = { openers: ['Honestly {brand}?'], closers: ['#fail'], typoPercent: 10 };
      }),
    ).toEqual([]);
  });

  it('refuses a malformed {wheel-chair} in a variant, at its line, listing the placeholders defined', () => {
    const ps = problemsAfter((d) => (d.templates[1].variants = ['fine {brand}', 'Where is my {wheel-chair}, {brand}?']));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatch(/^mini\.yaml:\d+:\d+ templates\[1\]\.variants\[1\]: malformed placeholder \{wheel-chair\}: .*\(known: \{brand\}, \{station\}\)$/);
  });

  it('refuses an unknown variable in small talk, at its line, listing the variables defined', () => {
    const ps = problemsAfter((d) => (d.wording = { openers: ['ok', 'Back at {staton} again'] }));
    expect(ps).toEqual([expect.stringMatching(/^mini\.yaml:\d+:\d+ wording\.openers\[1\]: unknown variable \{staton\} \(known: \{brand\}, \{station\}\)$/)]);
    const line = Number(ps[0]!.split(':')[1]);
    expect(stringify(parse(stringify({ ...miniScenarioInput, wording: { openers: ['ok', 'Back at {staton} again'] } }))).split('\n')[line - 1]).toContain('{staton}');
  });

  it('refuses a typo rate above half of all posts, naming the range', () => {
    expect(problemsAfter((d) => (d.wording = { typoPercent: 80 }))).toEqual([expect.stringMatching(/wording\.typoPercent: found 80; allowed: a whole number from 0 to 50$/)]);
  });
});
