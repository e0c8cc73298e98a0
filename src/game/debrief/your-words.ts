import { BREACH_KINDS, clockAt, type Scenario, type SimState, type Written } from '../../core/index';
import { landedWords } from '../desk/action-messages';
import { markedNodes, markSegments, type MarkSpan } from '../ui/marked-text';
import { el } from './dom';

/** Of the trainee's own texts, the debrief quotes this many of the worst and of the best. */
export const WORST_SHOWN = 3;
export const BEST_SHOWN = 3;

/** One text the trainee wrote, where it went, and the words the judge cited in it. */
export interface YourWords {
  t: number;
  where: string;
  written: Written;
  cited: MarkSpan[];
}

/** Labels that are citations (breaches, keyword stuffing); the parts a reply contains are not marked. */
const CITED = new Set<string>([...BREACH_KINDS, 'keywordStuffing']);

function yourTexts(state: SimState): YourWords[] {
  const out: YourWords[] = [];
  const add = (written: Written, where: string) =>
    out.push({ t: written.t, where, written, cited: written.evidence.filter((e) => CITED.has(e.label)).map((e) => ({ from: e.from, to: e.to, note: e.reason })) });
  if (state.holdingStatement) add(state.holdingStatement, 'holding statement');
  for (const p of state.posts) {
    for (const r of p.replies) if (r.by === 'trainee') add(r, `public reply to ${p.author.handle} (#${p.id})`);
    for (const d of p.dms) add(d, `DM to ${p.author.handle} (#${p.id})`);
  }
  return out;
}

/**
 * The trainee's worst and best texts of the shift, in the order written: the worst
 * first by quality (breaches break ties), the best last, none twice.
 */
export function pickYourWords(state: SimState): YourWords[] {
  const all = yourTexts(state);
  const worst = [...all].sort((a, b) => a.written.quality - b.written.quality || b.written.breaches.length - a.written.breaches.length || a.t - b.t).slice(0, WORST_SHOWN);
  const best = [...all]
    .filter((w) => !worst.includes(w) && w.written.quality > 0)
    .sort((a, b) => b.written.quality - a.written.quality || a.t - b.t)
    .slice(0, BEST_SHOWN);
  return [...worst, ...best].sort((a, b) => a.t - b.t);
}

/** "Your words, as the judge read them": each text quoted with the cited words marked and how it landed. */
export function yourWordsView(state: SimState, scenario: Scenario): HTMLElement[] {
  const picked = pickYourWords(state);
  if (picked.length === 0) return [];
  const list = el('ul', { class: 'your-words' });
  for (const w of picked) {
    list.append(
      el(
        'li',
        { class: 'you' },
        el('strong', {}, `${clockAt(scenario, w.t)}, ${w.where}: `),
        el('q', {}, ...markedNodes(markSegments(w.written.text, w.cited))),
        landedWords(w.written),
      ),
    );
  }
  return [el('h2', {}, 'Your words, as the judge read them (worst and best)'), list];
}
