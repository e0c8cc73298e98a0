import type { Scenario, Template } from '../scenario/scenario.schema';
import type { Prng } from '../util/prng';

/**
 * How a post's words are chosen: one of its template's wordings, variables
 * filled, small talk around crowd and routine posts, now and then a typo, and
 * never the same text as a post just before it (a feed that repeats itself
 * word for word reads as a bot farm, not a crowd). Every draw comes from the
 * simulation's PRNG in a fixed order, so replays agree.
 */

/** Posts looked back over for a repeat: more than a feed window shows at once at any screen size. */
export const RECENT_WORDING_POSTS = 24;
/** Fresh draws before a repeat is let through (a template with few wordings may run out). */
export const WORDING_RETRIES = 12;
/** Words shorter than this keep their spelling: a typo in "the" reads as a different word. */
const TYPO_MIN_WORD = 4;

const PLACEHOLDER = /\{(\w+)\}/g;

export function fillText(text: string, scenario: Scenario, rng: Prng): string {
  return text.replace(PLACEHOLDER, (_, name: string) =>
    name === 'brand' ? scenario.brand.name : rng.pick(scenario.variables[name] ?? [`{${name}}`]),
  );
}

/** One lower-case word with two letters swapped, one dropped or one doubled; text without such a word stays as it is. */
export function withTypo(text: string, rng: Prng): string {
  const words = [...text.matchAll(new RegExp(`\\b[a-z]{${TYPO_MIN_WORD},}\\b`, 'g'))];
  if (words.length === 0) return text;
  const word = rng.pick(words);
  const w = word[0];
  // An inner position, so the word's first and last letters hold (people still read it).
  const i = rng.int(1, w.length - 3);
  const kind = rng.int(0, 2);
  const typo = kind === 0 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : kind === 1 ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i + 1) + w.slice(i);
  return text.slice(0, word.index) + typo + text.slice(word.index + w.length);
}

/** The post's words from wording number `index` of its template; `crowd` posts (all but the instigator's) get small talk and typos. */
function draw(template: Template, scenario: Scenario, rng: Prng, crowd: boolean, index: number): string {
  const wordings = [template.text, ...(template.variants ?? [])];
  let text = fillText(wordings[index % wordings.length]!, scenario, rng);
  const wording = scenario.wording;
  if (!wording || !crowd) return text;
  const talk = wording.smallTalkPercent / 100;
  if (wording.openers.length > 0 && rng.chance(talk)) text = `${fillText(rng.pick(wording.openers), scenario, rng)} ${text}`;
  if (wording.closers.length > 0 && rng.chance(talk)) text = `${text} ${fillText(rng.pick(wording.closers), scenario, rng)}`;
  if (rng.chance(wording.typoPercent / 100)) text = withTypo(text, rng);
  return text;
}

/**
 * A post's text from its template, different from each of `recent` (the texts
 * of the posts just before it) unless the template's words run out or the
 * scenario has no `wording` section. A repeat
 * is redrawn with the next wording in turn, so every wording gets its chance.
 * The instigator's post is the story's start and keeps its words as written.
 */
export function wordPost(template: Template, scenario: Scenario, rng: Prng, recent: readonly string[], crowd = true): string {
  const variants = template.variants?.length ?? 0;
  // No draw for a single wording: scenarios without variants keep their sequence of draws.
  const first = variants === 0 ? 0 : rng.int(0, variants);
  let text = draw(template, scenario, rng, crowd, first);
  // Only a scenario with a `wording` section redraws: files written before it replay word for word.
  const retries = scenario.wording ? WORDING_RETRIES : 0;
  for (let tries = 1; tries <= retries && recent.includes(text); tries++) text = draw(template, scenario, rng, crowd, first + tries);
  return text;
}
