import { clockAt, type Post, type Scenario, type SimState } from '../../core/index';
import { FLAG_LABEL, formatDuration, formatFollowers } from '../desk/labels';
import { avatar } from '../reading/avatar';
import { el } from '../reading/dom';

/** The brand's replies on a post the composer shows, newest last: enough to stay consistent. */
const EARLIER_REPLIES_SHOWN = 3;

/**
 * The post being answered, as the composer keeps it in sight: who wrote it and their
 * reach, its flags, every word, and what the brand already said to it.
 */
export function postBeside(p: Post, scenario: Scenario, state: SimState): HTMLElement {
  const channel = scenario.channels.find((c) => c.id === p.channel)?.name ?? p.channel;
  const box = el(
    'div',
    { class: 'cz-post', 'data-post-id': String(p.id) },
    el('div', { class: 'rl-head' }, avatar(p.author.handle, p.author.name, 40), el('h3', {}, 'Answering')),
    el('p', {}, el('strong', {}, p.author.name), ` ${p.author.handle}`),
    el('p', { class: 'cz-dim' }, `#${p.id} on ${channel} · ${formatFollowers(p.author.followers)} followers · ${formatDuration(state.t - p.t)} ago`),
    p.flags.length > 0 && el('p', { class: 'cz-flags' }, p.flags.map((f) => `⚠ ${FLAG_LABEL[f]}`).join(' · ')),
    el('blockquote', { class: 'cz-quote' }, p.text),
  );
  const said = p.replies.slice(-EARLIER_REPLIES_SHOWN);
  if (said.length > 0) {
    box.append(el('h3', {}, 'Already said on this post'));
    for (const r of said) box.append(el('blockquote', { class: 'cz-said' }, `${r.by === 'trainee' ? 'You' : 'Team'}, ${clockAt(scenario, r.t)}: ${r.text}`));
  }
  return box;
}

/**
 * What a holding statement is written from: the facts the brand may state, what
 * every statement must carry, and what it must never say.
 */
export function factsBeside(scenario: Scenario, state: SimState): HTMLElement {
  const rules = scenario.judge;
  const facts = rules.facts;
  const may = [
    ...(facts ? [`Cause: ${facts.cause.text}`, ...facts.doing.map((d) => `Doing: ${d}`)] : []),
    ...(facts?.refundPolicy ? [`Refunds: ${facts.refundPolicy}`] : []),
    ...(facts?.timescales ?? []).map((t) => `Timescale: ${t.text}`),
  ];
  const must = rules.requiredFacts.filter((f) => f.in.includes('holdingStatement')).map((f) => f.text);
  const never = [
    ...(facts?.partners ?? []).map((p) => `Blame ${p}`),
    ...(facts?.cause.ours ? ['Call the cause "outside our control": it is ours'] : []),
    ...(rules.forbidLiability ? ['Admit legal liability (legal approves such words)'] : []),
    ...rules.mustNot.map((m) => m.text),
  ];
  const box = el('div', { class: 'cz-facts' });
  const list = (title: string, items: string[]) => {
    if (items.length > 0) box.append(el('h3', {}, title), el('ul', {}, ...items.map((i) => el('li', {}, i))));
  };
  list('What the brand may say', may);
  list('Every statement must say', must);
  list('Never', never);
  if (state.holdingStatementAt !== undefined) box.append(el('p', { class: 'cz-dim' }, `A holding statement went out at ${clockAt(scenario, state.holdingStatementAt)}: say the same facts.`));
  return box;
}
