import type { EntryCriterion, Scenario } from '../../core/index';
import { FLAG_LABEL, formatFollowers } from './labels';

export type DocStyle = 'title' | 'heading' | 'body' | 'dim' | 'bullet';
export interface DocLine {
  text: string;
  style: DocStyle;
}

export function describeCriterion(scenario: Scenario, c: EntryCriterion): string {
  const parts: string[] = [];
  if (c.negativePostsLastHour !== undefined) parts.push(`${c.negativePostsLastHour}+ negative posts in the last hour`);
  if (c.authorFollowers !== undefined) parts.push(`a negative post from an author with ${formatFollowers(c.authorFollowers)}+ followers`);
  if (c.anyFlag) parts.push(`any post flagged ${c.anyFlag.map((f) => FLAG_LABEL[f].toLowerCase()).join(' or ')}`);
  if (c.injectFired) {
    const titles = c.injectFired.map((id) => scenario.injects.find((i) => i.id === id)?.title ?? id);
    parts.push(`${titles.join(' or ')}`);
  }
  return parts.join(' and ');
}

/** The guideline as the trainee reads it: levels and their triggers, obligations, forbidden practices. */
export function guidelineDoc(scenario: Scenario): DocLine[] {
  const g = scenario.guideline;
  const lines: DocLine[] = [{ text: g.title, style: 'title' }, { text: 'Levels', style: 'heading' }];
  g.levels.forEach((l, i) => {
    lines.push({ text: l.name, style: 'body' });
    if (l.description) lines.push({ text: l.description, style: 'dim' });
    if (i === 0) lines.push({ text: 'Where every shift starts.', style: 'dim' });
    else lines.push({ text: `Reached when: ${l.entry.map((c) => describeCriterion(scenario, c)).join('; or ')}.`, style: 'dim' });
  });
  if (g.obligations.length > 0) {
    lines.push({ text: 'Obligations', style: 'heading' });
    for (const o of g.obligations) lines.push({ text: `${o.rule}  ${o.text}`, style: 'bullet' });
  }
  if (g.forbidden.length > 0) {
    lines.push({ text: 'Never', style: 'heading' });
    for (const f of g.forbidden) lines.push({ text: `${f.rule}  ${f.text}`, style: 'bullet' });
  }
  const facts = scenario.judge.facts;
  lines.push({ text: 'The facts on the issue (write from these, the same on every channel)', style: 'heading' });
  lines.push({ text: `Cause: ${facts.cause.text}`, style: 'bullet' });
  for (const d of facts.doing) lines.push({ text: `Being done: ${d}`, style: 'bullet' });
  if (facts.refundPolicy) lines.push({ text: `Refunds: ${facts.refundPolicy}`, style: 'bullet' });
  for (const t of facts.timescales) lines.push({ text: `Timescale: ${t.text}`, style: 'bullet' });
  const never = [...facts.partners.map((p) => `Do not blame ${p} in public.`), ...scenario.judge.mustNot.map((m) => m.text)];
  if (facts.cause.ours) never.unshift('Do not call the cause "outside our control": it is ours.');
  if (never.length > 0) {
    lines.push({ text: 'Never say', style: 'heading' });
    for (const n of never) lines.push({ text: n, style: 'bullet' });
  }
  return lines;
}

/** Everything the briefing shows before the shift. */
export function briefingDoc(scenario: Scenario, modeLine: string): DocLine[] {
  const d = scenario.duration;
  const team = scenario.team;
  const lines: DocLine[] = [
    { text: scenario.title, style: 'title' },
    { text: `${scenario.brand.name} · ${scenario.brand.sector}`, style: 'dim' },
    { text: 'The situation', style: 'heading' },
    { text: scenario.summary, style: 'body' },
  ];
  if (scenario.brand.voice) lines.push({ text: `Brand voice: ${scenario.brand.voice}`, style: 'dim' });
  lines.push(
    { text: 'Your shift', style: 'heading' },
    { text: `${d.simMinutes} minutes from ${d.startClock}, played in about ${d.realMinutes} real minutes. ${modeLine}`, style: 'body' },
    { text: `About ${scenario.baseline.postsPerDay} routine posts a day arrive on top of whatever happens.`, style: 'body' },
  );
  for (const c of scenario.channels) lines.push({ text: `${c.name}: ${c.sharePercent}% of traffic; first reply within ${c.serviceLevelMinutes} min.`, style: 'bullet' });
  lines.push({
    text: `Team: ${team.agents} agent${team.agents === 1 ? '' : 's'} answer${team.agents === 1 ? 's' : ''} about ${team.agents * team.postsPerAgentHour} routine posts an hour. You can call in up to ${team.maxExtraStaff} more; they take ${team.callInMinutes} min to arrive.`,
    style: 'body',
  });
  if (scenario.promotions) lines.push({ text: `Scheduled promotions: "${scenario.promotions.scheduled}" every ${scenario.promotions.everyMinutes} min.`, style: 'body' });
  const w = scenario.scoring.weights;
  lines.push(
    { text: 'How the shift is scored', style: 'heading' },
    {
      text: `Goodwill ${w.goodwill} · Service level ${w.serviceLevel} · Obligations ${w.obligations} · Conduct ${w.conduct} · Escalation ${w.escalation} · Root cause ${w.rootCause} · Containment ${w.containment}`,
      style: 'body',
    },
  );
  return [...lines, ...guidelineDoc(scenario)];
}
