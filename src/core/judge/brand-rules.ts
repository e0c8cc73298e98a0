import type { JudgeRules } from '../scenario/judge-rules.schema';
import { type Claims, sameCause } from './claims';
import { isNegated } from './negation';
import { type ReadText, cue, matchesIn, originalSpan, readText } from './text';
import type { Evidence, JudgeContext } from './verdict';

/** The scenario's own judge rules (`judge:` in the scenario file) applied to one text. */

/** Enough entries for every phrase of every shipped scenario; past it the cache starts over. */
const PATTERN_CACHE_LIMIT = 2_000;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LIABILITY = cue("(?:we|i) (?:fully |formally )?(?:accept|admit|acknowledge) (?:full |legal |all |our )*liability|(?:we are|we're) (?:legally |fully )?liable|(?:legally|fully) responsible (?:for|in)|admit (?:that )?we (?:were|are) negligent|(?:our|we were) negligen(?:ce|t)");
const BLAME = cue('fault|blame|caused|due to|because of|responsible|down to|failure|failed|their');

/** A phrase written by a trainer, as pattern source over the canonical text (same spelling rules as the reply). */
function phraseSource(phrase: string): string {
  // A possessive still names the thing: "Network Rail's fault" mentions Network Rail.
  return `${canonOf(phrase).split(' ').map(escape).join(' ')}(?:'s)?`;
}

/** A trainer's phrase in canonical spelling, read once per phrase. */
const canonical = new Map<string, string>();
function canonOf(phrase: string): string {
  let c = canonical.get(phrase);
  if (c === undefined) {
    if (canonical.size >= PATTERN_CACHE_LIMIT) canonical.clear();
    c = readText(phrase).canon;
    canonical.set(phrase, c);
  }
  return c;
}
/**
 * Compiled patterns by source text. Scenario rules are the same on every reply of a run,
 * so each is compiled once; the cache holds pure results and cannot change a verdict.
 */
const patterns = new Map<string, RegExp>();
function cached(source: string): RegExp {
  let re = patterns.get(source);
  if (re === undefined) {
    if (patterns.size >= PATTERN_CACHE_LIMIT) patterns.clear();
    re = cue(source);
    patterns.set(source, re);
  }
  return re;
}
const phrasePattern = (phrase: string) => cached(phraseSource(phrase));

function spans(read: ReadText, re: RegExp, label: Evidence['label'], reason: string, negatable = false): Evidence[] {
  return matchesIn(read, re)
    .filter((m) => !negatable || !isNegated(read, m.index!))
    .map((m) => ({ label, ...originalSpan(read, m.index!, m.index! + m[0].length), reason }));
}

function wordingRules(read: ReadText, rules: JudgeRules): Evidence[] {
  const found: Evidence[] = [];
  for (const name of rules.staffNames) {
    const first = name.split(/\s+/)[0]!;
    const re = cached([name, first].map((n) => phraseSource(n)).join('|'));
    found.push(...spans(read, re, 'namedStaff', `names ${name}, a member of staff`));
  }
  for (const phrase of rules.bannedPhrases) found.push(...spans(read, phrasePattern(phrase), 'bannedPhrase', `uses a banned phrase: "${phrase}"`));
  for (const rule of rules.mustNot) {
    for (const phrase of rule.phrases) found.push(...spans(read, phrasePattern(phrase), 'contradictsFacts', rule.text, true));
  }
  if (rules.forbidLiability) found.push(...spans(read, LIABILITY, 'admitsLiability', 'admits legal liability, which only legal may do', true));
  return found;
}

function factRules(read: ReadText, claims: Claims, rules: JudgeRules): Evidence[] {
  const facts = rules.facts;
  if (!facts) return [];
  const found: Evidence[] = [];
  const keywords = facts.cause.keywords.map(canonOf);
  for (const c of claims.cause) {
    if (!sameCause(c.value, keywords.flatMap((k) => k.split(' ')))) found.push({ label: 'contradictsFacts', from: c.from, to: c.to, reason: `the cause on record is: ${facts.cause.text}` });
  }
  if (facts.cause.ours) {
    for (const c of claims.ownership) if (c.value < 0) found.push({ label: 'deflectsCause', from: c.from, to: c.to, reason: `deflects a cause that is ours: ${facts.cause.text}` });
  }
  for (const c of claims.timescales) {
    const fact = facts.timescales.find((t) => t.topic === c.value.topic);
    if (fact && fact.hours !== c.value.hours) found.push({ label: 'contradictsFacts', from: c.from, to: c.to, reason: `the ${fact.topic} timescale on record is ${fact.text}` });
  }
  for (const partner of facts.partners) {
    for (const m of matchesIn(read, phrasePattern(partner))) {
      const near = read.canon.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 40);
      BLAME.lastIndex = 0;
      if (BLAME.test(near)) found.push({ label: 'blamesPartner', ...originalSpan(read, m.index!, m.index! + m[0].length), reason: `blames ${partner} in public` });
    }
  }
  return found;
}

function shapeRules(read: ReadText, rules: JudgeRules, ctx: JudgeContext, isPublicText: boolean): Evidence[] {
  const found: Evidence[] = [];
  const kind = ctx.kind ?? 'reply';
  const whole = { from: 0, to: read.original.length };
  for (const fact of rules.requiredFacts) {
    if (!fact.in.includes(kind)) continue;
    if (fact.categories && (!ctx.post || !fact.categories.includes(ctx.post.category))) continue;
    const lower = read.canon;
    if (!fact.anyOf.some((p) => lower.includes(canonOf(p)))) found.push({ label: 'missingRequiredFact', ...whole, reason: `does not say: ${fact.text}` });
  }
  if (rules.signOff && isPublicText && kind === 'reply') {
    const end = new RegExp(`(?:${rules.signOff.pattern})\\s*$`, 'u');
    if (!end.test(read.original)) found.push({ label: 'missingSignOff', from: Math.max(0, read.original.trimEnd().length - 1), to: read.original.trimEnd().length, reason: `public replies end with the sign-off, e.g. "${rules.signOff.example}"` });
  }
  return found;
}

/** Every breach of the scenario's own rules in this text. */
export function brandRuleBreaches(read: ReadText, claims: Claims, ctx: JudgeContext, isPublicText: boolean): Evidence[] {
  const rules = ctx.rules;
  if (!rules) return [];
  return [...wordingRules(read, rules), ...factRules(read, claims, rules), ...shapeRules(read, rules, ctx, isPublicText)];
}

/** The scenario's extra personal-data formats, compiled once per rules object. */
export function personalDataPatterns(rules: JudgeRules | undefined): { name: string; re: RegExp }[] {
  return (rules?.personalData ?? []).map((p) => ({ name: p.name, re: new RegExp(p.pattern, 'gu') }));
}
