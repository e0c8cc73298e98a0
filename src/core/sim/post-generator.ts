import type { Prng } from '../util/prng';
import { VIRAL_CHANCE, VIRAL_MULTIPLIER } from '../tuning';
import type { Scenario, Template } from '../scenario/scenario.schema';
import type { Post, PostSource } from './state';
import { RECENT_WORDING_POSTS, wordPost } from './wording';

/**
 * Turns a scenario template into a concrete post: words it (wording.ts), invents
 * an author and a reach, and stamps the deadline for any role the post needs.
 * Every draw is taken from the simulation's PRNG in a fixed order.
 */

const FIRST_NAMES = [
  'Aisha', 'Ben', 'Carla', 'Dev', 'Eleni', 'Femi', 'Grace', 'Hamza', 'Iris', 'Jonah', 'Kasia', 'Liam',
  'Maya', 'Nils', 'Olu', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Vic', 'Wen', 'Yusuf', 'Zoe',
];
const SURNAMES = [
  'Adeyemi', 'Byrne', 'Costa', 'Dunn', 'Evans', 'Fischer', 'Gill', 'Hughes', 'Ito', 'Jensen', 'Khan',
  'Lowe', 'Murphy', 'Novak', 'Okafor', 'Patel', 'Reid', 'Silva', 'Turner', 'Walsh', 'Young',
];

export interface NewPost {
  template: Template;
  channel: string;
  source: PostSource;
  threadId?: number;
  author?: Post['author'];
}

function inventAuthor(template: Template, source: PostSource, rng: Prng): Post['author'] {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(SURNAMES);
  const [lo, hi] = template.followers;
  const u = rng.unit();
  // Reach is skewed: most people have a small audience, a few have a large one.
  let followers = lo + Math.floor((hi - lo) * u * u);
  if (source !== 'routine' && rng.chance(VIRAL_CHANCE)) followers *= VIRAL_MULTIPLIER;
  return { name: `${first} ${last}`, handle: `@${first.toLowerCase()}${last.toLowerCase()}${rng.int(1, 99)}`, followers };
}

/** A new post from `spec`; `earlier` is every post so far (its wording must not repeat the latest ones). */
export function generatePost(scenario: Scenario, rng: Prng, id: number, t: number, spec: NewPost, earlier: readonly Post[]): Post {
  const { template } = spec;
  const author = spec.author ?? inventAuthor(template, spec.source, rng);
  const text = wordPost(template, scenario, rng, recentTexts(earlier), spec.source !== 'instigator');
  return {
    id,
    channel: spec.channel,
    threadId: spec.threadId ?? id,
    t,
    author,
    text,
    templateId: template.id,
    category: template.category,
    sentiment: template.sentiment,
    flags: [...template.flags],
    source: spec.source,
    aboutRootCause: template.aboutRootCause,
    ...(template.needs ? { needs: { role: template.needs.role, deadline: t + template.needs.withinMinutes * 60 } } : {}),
    status: 'open',
    inDm: false,
    replies: [],
    dms: [],
    escalatedTo: [],
    notes: [],
  };
}

function recentTexts(earlier: readonly Post[]): string[] {
  return earlier.slice(-RECENT_WORDING_POSTS).map((p) => p.text);
}

/** Templates of one kind usable on a channel, with their weights, for a weighted draw. */
export function templatePool(scenario: Scenario, kind: Template['kind'], channel: string): Template[] {
  return scenario.templates.filter((t) => t.kind === kind && (!t.channels || t.channels.includes(channel)));
}

export function drawTemplate(pool: Template[], rng: Prng): Template | undefined {
  if (pool.length === 0) return undefined;
  return pool[rng.weightedIndex(pool.map((t) => t.weight))];
}
