import type { ObligationState, Simulation } from '../../core/index';
import { formatDuration } from '../desk/labels';
import { el } from './dom';

/** One obligation as a line: only open ones spell out their text; the others fit on one line. */
export function obligationLine(o: ObligationState, sim: Simulation): string {
  switch (o.status) {
    case 'waiting':
      return `○ ${o.rule} ${o.text}`;
    case 'open':
      return `◷ ${o.rule} ${o.text.replace(/[.\s]+$/, '')} — due ${sim.clock(o.deadline)}, ${formatDuration((o.deadline ?? sim.state.t) - sim.state.t)} left`;
    case 'met':
      return `✓ ${o.rule} met at ${sim.clock(o.doneAt)}`;
    case 'metLate':
      return `✓ ${o.rule} met late, ${sim.clock(o.doneAt)}`;
    case 'missed':
      return `✗ ${o.rule} missed`;
  }
}

/** The desk-wide measures taken so far, or the key that takes them. */
export function measureLines(sim: Simulation): string[] {
  const s = sim.state;
  return [
    s.holdingStatementAt !== undefined ? `✓ Holding statement out since ${sim.clock(s.holdingStatementAt)}` : '○ No holding statement yet [S]',
    sim.scenario.promotions ? (s.promotionsPausedAt !== undefined ? `✓ Promotions paused at ${sim.clock(s.promotionsPausedAt)}` : '○ Promotions still scheduled [M]') : '',
    s.rootCause.fixedAt !== undefined ? `✓ Root cause fixed at ${sim.clock(s.rootCause.fixedAt)}` : s.rootCause.escalatedAt !== undefined ? `… Root cause with its owner since ${sim.clock(s.rootCause.escalatedAt)}` : '',
  ].filter(Boolean);
}

/**
 * The guideline's obligations with their countdowns, the measures taken and,
 * in practice and tutorial, what the guideline asks now (in full: it scrolls
 * rather than being cut mid-sentence). Hints that name a post say N jumps there.
 */
export class DutiesPanel {
  readonly root: HTMLElement;
  private key = '';
  private hintMinute = -1;
  private hints: string[] = [];

  constructor(private readonly coaching: boolean) {
    this.root = el('section', { class: 'rl-panel rl-duties', 'aria-label': 'Obligations and hints', tabindex: '0' });
  }

  render(sim: Simulation): void {
    const s = sim.state;
    const minute = Math.floor(s.t / 60);
    // Hints are worked out by the core and change slowly; ask for them once per sim minute.
    if (this.coaching && minute !== this.hintMinute) {
      this.hintMinute = minute;
      this.hints = sim.currentRequirements();
    }
    const obligations = sim.obligations();
    const key = `${minute}|${obligations.map((o) => o.status).join()}|${s.holdingStatementAt}|${s.promotionsPausedAt}|${s.rootCause.escalatedAt}|${s.rootCause.fixedAt}|${this.hints.join('|')}`;
    if (key === this.key) return;
    this.key = key;
    const shown = obligations.filter((o) => o.status !== 'waiting');
    const waiting = obligations.filter((o) => o.status === 'waiting').map((o) => o.rule);
    const items = shown.map((o) => el('li', { class: `rl-ob rl-ob-${o.status}` }, obligationLine(o, sim)));
    if (waiting.length) items.push(el('li', { class: 'rl-ob rl-ob-waiting' }, `○ not due yet: ${waiting.join(', ')}`));
    if (items.length === 0) items.push(el('li', { class: 'rl-ob rl-ob-waiting' }, 'This guideline sets no deadlines.'));
    const parts: HTMLElement[] = [
      el('h2', { class: 'rl-label' }, 'Obligations'),
      el('ul', { class: 'rl-plain' }, ...items),
      el('ul', { class: 'rl-plain rl-measures', 'aria-label': 'Measures' }, ...measureLines(sim).map((m) => el('li', {}, m))),
    ];
    if (this.hints.length) {
      parts.push(el('h2', { class: 'rl-label rl-ask' }, 'What the guideline asks now'));
      parts.push(el('ul', { class: 'rl-hints' }, ...this.hints.map((h) => el('li', {}, /#\d+/.test(h) ? `${h} (N jumps there)` : h))));
    }
    this.root.replaceChildren(...parts);
  }
}
