import { clockAt, type Lesson, type LessonExample, type LessonVerdict, type Scenario, type TraineeDeed } from '../../core/index';
import { el } from './dom';
import { markedNodes } from '../ui/marked-text';
import { replyWords, toneWords } from './reply-quote';

/** A verdict in words and a symbol, so colour is never the only signal. */
export const VERDICT_WORDS: Record<LessonVerdict, string> = { missed: '✗ To fix', mixed: '◐ Partly', kept: '✓ Kept' };

/**
 * One lesson as an article: the four questions of an after-action review in order —
 * what the guideline asked, what happened (the post and the trainee's own words),
 * what a good desk does instead, and a model reply.
 */
export function lessonView(lesson: Lesson, index: number, scenario: Scenario): HTMLElement {
  const headingId = `lesson-${index}-title`;
  const article = el('article', { class: `lesson ${lesson.verdict}`, tabindex: '0', 'aria-labelledby': headingId, 'data-lesson': lesson.id });
  article.append(
    el('h3', { id: headingId }, el('span', { class: 'verdict' }, VERDICT_WORDS[lesson.verdict]), lesson.title),
    el('p', {}, lesson.summary),
  );
  const facts = el('dl');
  if (lesson.rule) facts.append(el('dt', {}, 'The guideline asked'), el('dd', {}, `${ruleLabel(lesson.rule.rule)}: ${lesson.rule.text}`));
  facts.append(el('dt', {}, 'What happened'));
  const happened = el('dd');
  for (const ex of lesson.examples) happened.append(...exampleView(ex, scenario));
  facts.append(happened, el('dt', {}, 'What a good desk does'), el('dd', {}, lesson.practice));
  if (lesson.modelReply) facts.append(el('dt', {}, 'A model reply'), el('dd', { class: 'model' }, lesson.modelReply));
  facts.append(el('dt', {}, lesson.verdict === 'kept' ? 'To do even better' : 'Next time'), el('dd', {}, lesson.tip));
  article.append(facts);
  return article;
}

/** Guideline rules are numbered ("4.2"); levels are named ("Level 2 — Incident"). */
function ruleLabel(rule: string): string {
  return /^\d/.test(rule) ? `Rule ${rule}` : rule;
}

function exampleView(ex: LessonExample, scenario: Scenario): HTMLElement[] {
  const when = ex.postId === undefined ? 'scheduled post' : `${ex.channel}, ${clockAt(scenario, ex.t)}`;
  const quote = el('blockquote', {}, el('p', {}, ex.postText), el('footer', {}, `— ${ex.author} (${when})`));
  return [quote, ...ex.deeds.map(deedView)];
}

function deedView(deed: TraineeDeed): HTMLElement {
  const p = el('p', { class: 'you' }, el('strong', {}, 'You: '));
  if (deed.kind !== 'reply') {
    p.append(deed.text);
    return p;
  }
  const q = el('q', {}, ...markedNodes(replyWords(deed)));
  p.append('replied ', q, ` (${toneWords(deed)})`);
  return p;
}
