import { ROLE_LABELS, type EntryCriterion, type Obligation, type Scenario } from '../../core/index';

/**
 * The guideline as its escalation machine, in words: each level (a state), how the
 * situation enters it (its transitions' guards), what opens there with its deadline
 * and who must be told, and what is forbidden throughout. The drawing and its text
 * alternative are both made from this one outline.
 */

export interface OutlineLevel {
  id: string;
  name: string;
  description: string;
  /** How the situation enters this level: any one of these; empty for the first level. */
  entry: string[];
  obligations: OutlineObligation[];
}

export interface OutlineObligation {
  rule: string;
  /** "Tell Comms", "Publish a holding statement". */
  duty: string;
  withinMinutes: number;
  /** The role to be told, when the duty is to tell someone. */
  tell?: string;
}

export interface GuidelineOutline {
  title: string;
  levels: OutlineLevel[];
  forbidden: { rule: string; text: string }[];
}

export function guidelineOutline(s: Scenario): GuidelineOutline {
  const g = s.guideline;
  return {
    title: g.title,
    levels: g.levels.map((level) => ({
      id: level.id,
      name: level.name,
      description: level.description,
      entry: level.entry.map(criterionText),
      obligations: g.obligations.filter((o) => o.fromLevel === level.id).map((o) => obligationOutline(s, o)),
    })),
    forbidden: g.forbidden.map((f) => ({ rule: f.rule, text: f.text })),
  };
}

/** One entry criterion: its conditions, any one of which is enough. */
export function criterionText(c: EntryCriterion): string {
  const parts: string[] = [];
  if (c.negativePostsLastHour !== undefined) parts.push(`${c.negativePostsLastHour}+ negative posts in an hour`);
  if (c.authorFollowers !== undefined) parts.push(`a negative post by someone with ${c.authorFollowers}+ followers`);
  if (c.anyFlag) parts.push(`a post flagged ${c.anyFlag.join(' or ')}`);
  if (c.injectFired) parts.push(`inject ${c.injectFired.join(' or ')} fired`);
  return parts.join(', or ');
}

const DUTIES: Record<Exclude<Obligation['action'], 'escalate' | 'fixRootCause'>, string> = {
  holdingStatement: 'Publish a holding statement',
  pausePromotions: 'Pause scheduled promotions',
  callInStaff: 'Call in extra staff',
  linkThreads: 'Link the issue across channels',
};

function obligationOutline(s: Scenario, o: Obligation): OutlineObligation {
  const base = { rule: o.rule, withinMinutes: o.withinMinutes };
  if (o.action === 'escalate') {
    // The schema requires a role for escalate; the fallback only keeps the drawing total.
    const who = o.role ? ROLE_LABELS[o.role] : 'the named role';
    return { ...base, duty: `Tell ${who}`, tell: who };
  }
  if (o.action === 'fixRootCause') {
    const who = ROLE_LABELS[s.rootCause.owner];
    return { ...base, duty: `Pass the root cause to ${who}`, tell: who };
  }
  return { ...base, duty: DUTIES[o.action] };
}

/** The outline as plain sentences, one per line: the drawing's text alternative. */
export function outlineText(o: GuidelineOutline): string[] {
  const lines = [`${o.title}: ${o.levels.length} levels, from ${o.levels[0]?.name ?? ''} to ${o.levels.at(-1)?.name ?? ''}.`];
  for (const [i, level] of o.levels.entries()) {
    const entry = i === 0 ? 'every shift starts here' : level.entry.length ? `entered on ${level.entry.join('; or ')}` : 'nothing leads here';
    const duties = level.obligations.map((d) => `rule ${d.rule}: ${d.duty} within ${d.withinMinutes} min`);
    lines.push(`Level ${i + 1}, ${level.name} (${entry}).${duties.length ? ` Then: ${duties.join('; ')}.` : ' No new duties.'}`);
  }
  if (o.forbidden.length) lines.push(`Forbidden at every level: ${o.forbidden.map((f) => `rule ${f.rule}: ${f.text}`).join(' ')}`);
  return lines;
}
