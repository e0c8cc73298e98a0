import { judgeReply } from '../judge/judge';
import type { BrandStatement, Evidence, JudgeContext, Verdict, WritingKind } from '../judge/verdict';
import { BREACH_KINDS, type BreachKind } from '../scenario/scenario.schema';
import { EARLIER_STATEMENTS_JUDGED } from '../tuning';
import { postById, type SimContext } from './context';
import { breach } from './pressure';
import type { Post, Written } from './state';

/**
 * The bridge from the trainee's words to the simulation: builds the judge's context
 * from the state (the post, the channel, what the brand already said), judges the
 * text, and turns every breach into a citation quoting the words at once.
 */

/** What the brand said before now, oldest first: the holding statement and its latest replies and DMs. */
function earlierStatements(ctx: SimContext): BrandStatement[] {
  const s = ctx.state;
  const recent: BrandStatement[] = [];
  // The log is the record of what was written; walking it backwards finds the latest texts first.
  for (let i = s.log.length - 1; i >= 0 && recent.length < EARLIER_STATEMENTS_JUDGED; i--) {
    const a = s.log[i]!.action;
    if (a.type === 'post.reply') recent.push({ text: a.text, kind: 'reply', channel: postById(s, a.postId)?.channel ?? '' });
    else if (a.type === 'post.dm') recent.push({ text: a.text, kind: 'dm', channel: 'dm' });
  }
  recent.reverse();
  // The holding statement stays on record however long ago it went out.
  const statement = s.holdingStatement;
  return statement ? [{ text: statement.text, kind: 'holdingStatement' }, ...recent] : recent;
}

/** The judge's context for a text of `kind` about post `p` (none for a holding statement). */
export function judgeContext(ctx: SimContext, kind: WritingKind, p: Post | undefined): JudgeContext {
  return {
    kind,
    ...(p ? { post: { text: p.text, category: p.category, sentiment: p.sentiment, author: p.author.name }, channel: kind === 'dm' ? 'dm' : p.channel } : {}),
    earlier: earlierStatements(ctx),
    rules: ctx.scenario.judge,
  };
}

/** Judges `text` in the sim's context and returns it as stored on the post or the desk. */
export function judgeWriting(ctx: SimContext, text: string, kind: WritingKind, p?: Post): Written {
  const v: Verdict = judgeReply(text, judgeContext(ctx, kind, p));
  return { t: ctx.state.t, text, quality: v.quality, tone: v.tone, parts: v.blocks, breaches: v.breaches, evidence: v.evidence };
}

const SIM_BREACHES = new Set<string>(BREACH_KINDS);
const isSimBreach = (label: string): label is BreachKind => SIM_BREACHES.has(label);

/** Every breach the judge found in `w`: a citation naming the rule and quoting the words that did it. */
export function citeBreaches(ctx: SimContext, w: Written, postId?: number): void {
  for (const kind of w.breaches) {
    if (!isSimBreach(kind)) continue;
    const e = w.evidence.find((x: Evidence) => x.label === kind);
    breach(ctx, kind, postId, e ? { quote: w.text.slice(e.from, e.to), reason: e.reason } : undefined);
  }
}
