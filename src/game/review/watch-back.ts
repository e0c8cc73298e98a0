import { clockAt, modelRun, shiftAt, type KeyMoment, type ReplayableRun, type Scenario, type ShiftAt } from '../../core/index';
import { el } from '../reading/dom';
import { WATCH_BACK_CSS } from './watch-back-styles';

const STYLE_ID = 'watch-back-styles';
/** Scrubbing replays the run from its start; wait for the key to rest before replaying. */
const SCRUB_SETTLE_MS = 60;
/** PageUp / PageDown move the scrubber this many sim minutes. */
const PAGE_MINUTES = 10;

export interface WatchBackInput {
  scenario: Scenario;
  run: ReplayableRun;
  moments: readonly KeyMoment[];
  onClose: () => void;
}

/**
 * Watching the shift back: a scrubber over the shift with its key moments pinned,
 * and for the chosen minute the desk as it stood then (feed, what the guideline
 * asked, what the trainee had just done) beside a model shift of the same seed.
 * A modal dialog of plain HTML, so it reads aloud and works by keyboard.
 */
export class WatchBack {
  readonly root: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly minuteLabel: HTMLOutputElement;
  private readonly yours: HTMLElement;
  private readonly model: HTMLElement;
  private readonly status: HTMLElement;
  private readonly modelRecord: ReplayableRun;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly returnFocus: Element | null;

  constructor(private readonly input: WatchBackInput) {
    if (!document.getElementById(STYLE_ID)) document.head.append(el('style', { id: STYLE_ID }, WATCH_BACK_CSS));
    this.returnFocus = document.activeElement;
    const { scenario, moments } = input;
    const minutes = scenario.duration.simMinutes;
    this.modelRecord = modelRun(scenario, input.run);
    this.slider = el('input', {
      type: 'range',
      id: 'wb-minute',
      min: '0',
      max: String(minutes),
      step: '1',
      value: '0',
      list: 'wb-moments',
      'aria-valuetext': clockAt(scenario, 0),
    });
    this.minuteLabel = el('output', { for: 'wb-minute', class: 'wb-clock' }, clockAt(scenario, 0));
    const marks = el('datalist', { id: 'wb-moments' });
    for (const m of moments) marks.append(el('option', { value: String(Math.floor(m.t / 60)), label: clockAt(scenario, m.t) }));
    this.yours = el('section', { class: 'wb-side', 'aria-labelledby': 'wb-yours-title' });
    this.model = el('section', { class: 'wb-side wb-model', 'aria-labelledby': 'wb-model-title' });
    this.status = el('p', { class: 'wb-sr', role: 'status', 'aria-live': 'polite' });
    this.root = el(
      'div',
      { class: 'wb-backdrop' },
      el(
        'section',
        { class: 'watch-back', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'wb-title' },
        el('h2', { id: 'wb-title' }, `Watch the shift back — ${scenario.title}`),
        el('p', { class: 'wb-help' }, 'Arrow keys move a minute, Page Up and Page Down ten, Home and End to the ends of the shift. Esc closes.'),
        el('div', { class: 'wb-scrub' }, el('label', { for: 'wb-minute' }, 'Minute of the shift'), this.slider, this.minuteLabel, marks),
        this.momentList(moments),
        el('div', { class: 'wb-columns' }, this.yours, this.model),
        this.status,
        el('button', { type: 'button', class: 'wb-close' }, 'Close (Esc)'),
      ),
    );
    this.slider.addEventListener('input', () => this.schedule());
    this.slider.addEventListener('keydown', (e) => this.pageKeys(e));
    this.root.querySelector('.wb-close')!.addEventListener('click', () => this.close());
    // Keys stay in the dialog: the scene's key router listens on the window, beneath it.
    this.root.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
      }
    });
    document.body.append(this.root);
    this.show(0);
    this.slider.focus();
  }

  /** Moves the desk to sim minute `minute` at once (also what the moment buttons do). */
  goTo(minute: number): void {
    this.slider.value = String(minute);
    this.show(minute);
  }

  close(): void {
    clearTimeout(this.timer);
    this.root.remove();
    if (this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.input.onClose();
  }

  private momentList(moments: readonly KeyMoment[]): HTMLElement {
    const list = el('ol', { class: 'wb-moments', tabindex: '0', 'aria-label': `Key moments (${moments.length}): choose one to go to its minute` });
    for (const m of moments) {
      const mark = m.good === true ? '✓' : m.good === false ? '✗' : '•';
      const button = el('button', { type: 'button' }, `${clockAt(this.input.scenario, m.t)} ${mark} ${m.title}`);
      button.addEventListener('click', () => this.goTo(Math.floor(m.t / 60)));
      list.append(el('li', {}, button));
    }
    return list;
  }

  private pageKeys(e: KeyboardEvent): void {
    if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
    e.preventDefault();
    const next = Number(this.slider.value) + (e.key === 'PageUp' ? PAGE_MINUTES : -PAGE_MINUTES);
    this.goTo(Math.max(0, Math.min(Number(this.slider.max), next)));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.show(Number(this.slider.value)), SCRUB_SETTLE_MS);
  }

  private show(minute: number): void {
    const { scenario, run } = this.input;
    const clock = clockAt(scenario, minute * 60);
    this.minuteLabel.value = clock;
    this.slider.setAttribute('aria-valuetext', clock);
    const yours = shiftAt(scenario, run, minute * 60);
    const model = shiftAt(scenario, this.modelRecord, minute * 60);
    this.yours.replaceChildren(...('ok' in yours ? [el('p', {}, `This run cannot be replayed: ${yours.message}`)] : sideView('wb-yours-title', `Your shift at ${clock}`, yours)));
    this.model.replaceChildren(...('ok' in model ? [el('p', {}, model.message)] : sideView('wb-model-title', `A model shift at ${clock}`, model)));
    if (!('ok' in yours)) {
      this.status.textContent = `${clock}: ${yours.asks.length} thing${yours.asks.length === 1 ? '' : 's'} the guideline asked; you did ${yours.did.length} in the last minutes; level ${yours.declaredLevel} declared, ${yours.trueLevel} in truth.`;
    }
  }
}

/** One column: the level, what the guideline asked, what the desk had just done, and the feed. */
function sideView(titleId: string, title: string, at: ShiftAt): HTMLElement[] {
  const asks = el('ul', { class: 'wb-asks' });
  for (const a of at.asks) asks.append(el('li', {}, `${a.rule ? `Rule ${a.rule}: ` : ''}${a.text} — by ${a.due}${a.left < 0 ? ' (overdue)' : ''}`));
  if (at.asks.length === 0) asks.append(el('li', {}, 'Nothing open.'));
  const did = el('ul', { class: 'wb-did' });
  for (const d of at.did) did.append(el('li', {}, `${d.clock} ${d.text}`));
  if (at.did.length === 0) did.append(el('li', {}, 'Nothing in the last minutes.'));
  const feed = el('ol', { class: 'wb-feed', 'aria-label': `${title}: the newest posts` });
  for (const p of at.feed) {
    const status = p.status === 'open' ? (p.firstResponseAt === undefined ? 'waiting' : 'answered') : p.status;
    feed.append(el('li', {}, el('span', { class: 'wb-who' }, `${p.author.name} · ${ago(p.t)}`), el('span', { class: `wb-status wb-${status}` }, status), el('p', {}, p.text)));
  }
  if (at.feed.length === 0) feed.append(el('li', {}, 'No posts yet.'));
  return [
    el('h3', { id: titleId }, title),
    el('p', {}, `Declared ${at.declaredLevel}; the situation was ${at.trueLevel}. Goodwill ${at.goodwill}/100.`),
    el('h4', {}, 'What the guideline asked'),
    asks,
    el('h4', {}, 'What the desk had just done'),
    did,
    el('h4', {}, 'The feed'),
    feed,
  ];

  function ago(t: number): string {
    return `${Math.floor((at.t - t) / 60)} min ago`;
  }
}
