import { CLEAR_MARGIN, type BalanceReport } from '../../core/index';
import { h } from '../dom';
import type { BalanceMessage, BalanceRequest } from './balance-messages';
import { SEEDS_DEFAULT, SEEDS_MAX, SEEDS_MIN } from './balance-messages';
import BalanceWorker from './balance.worker?worker';

/**
 * The balance report: every bot plays the draft on N seeds in a Web Worker, with a
 * progress bar and a live region; then a table of each bot's mean score and score
 * breakdown, the verdict, the naive bot that comes closest and why, and the idle
 * surge against its ceiling.
 */
export class BalancePanel {
  readonly element: HTMLElement;
  private readonly seeds = h('input', { type: 'number', id: 'balance-seeds', min: String(SEEDS_MIN), max: String(SEEDS_MAX), value: String(SEEDS_DEFAULT), size: 3 });
  private readonly run = h('button', { type: 'button', id: 'balance-run' }, 'Run the balance report');
  private readonly progress = h('progress', { id: 'balance-progress', max: '1', value: '0', 'aria-label': 'Balance report progress' });
  private readonly live = h('p', { id: 'balance-status', role: 'status', 'aria-live': 'polite' }, 'Not run yet.');
  private readonly result = h('div', { id: 'balance-result' });
  private worker: Worker | undefined;

  constructor(private readonly draft: () => string | undefined) {
    this.run.addEventListener('click', () => this.start());
    this.progress.hidden = true;
    this.element = h(
      'section',
      { class: 'st-panel', 'aria-labelledby': 'balance-heading' },
      h('h2', { id: 'balance-heading' }, 'Balance report'),
      h('p', { class: 'st-help' }, `Every bot plays the draft; the guideline bot should beat each naive bot by ${CLEAR_MARGIN}+ points on every seed.`),
      h('div', { class: 'st-row' }, h('label', { for: 'balance-seeds' }, `Seeds (${SEEDS_MIN}–${SEEDS_MAX})`), this.seeds, this.run),
      this.progress,
      this.live,
      this.result,
    );
  }

  /** Enabled only while the draft loads: a broken draft cannot be played. */
  setEnabled(enabled: boolean): void {
    this.run.disabled = !enabled;
  }

  private start(): void {
    const yaml = this.draft();
    const n = Number(this.seeds.value);
    if (!Number.isInteger(n) || n < SEEDS_MIN || n > SEEDS_MAX) {
      this.live.textContent = `Seeds must be a whole number from ${SEEDS_MIN} to ${SEEDS_MAX}.`;
      this.seeds.focus();
      return;
    }
    if (yaml === undefined) {
      this.live.textContent = 'Fix the draft\'s errors first: a broken draft cannot be played.';
      return;
    }
    this.worker?.terminate();
    const worker = new BalanceWorker();
    this.worker = worker;
    this.result.replaceChildren();
    this.progress.hidden = false;
    this.progress.max = n;
    this.progress.value = 0;
    worker.onmessage = (e: MessageEvent<BalanceMessage>) => this.receive(e.data, worker);
    worker.onerror = (e) => this.finish(worker, `The balance report stopped: ${e.message}`);
    worker.postMessage({ yaml, seeds: n } satisfies BalanceRequest);
  }

  private receive(m: BalanceMessage, worker: Worker): void {
    if (worker !== this.worker) return;
    if (m.type === 'progress') {
      this.progress.value = m.done;
      this.live.textContent = `Playing every bot: seed ${m.done} of ${m.total} done.`;
    } else if (m.type === 'failed') {
      this.finish(worker, `The balance report could not start: ${m.reason}.`);
    } else {
      this.finish(worker, m.report.guidelineClearlyWins ? 'Done: the guideline bot wins clearly.' : 'Done: the guideline bot does not win clearly.');
      this.result.replaceChildren(...reportView(m.report));
    }
  }

  private finish(worker: Worker, message: string): void {
    worker.terminate();
    this.worker = undefined;
    this.progress.hidden = true;
    this.live.textContent = message;
  }
}

function reportView(r: BalanceReport): HTMLElement[] {
  const guideline = r.bots.find((b) => b.bot === 'guideline')!;
  const verdict = r.guidelineClearlyWins
    ? h('p', { class: 'st-verdict-good' }, `✓ The guideline bot wins: ${guideline.meanScore} on average, ${r.closest.gap} ahead of the closest naive bot, on all ${r.seeds.length} seeds.`)
    : h('p', { class: 'st-verdict-bad' }, `✕ The guideline bot does not win clearly on ${r.shortfalls.map((s) => `seed ${s.seed} (${s.bots.join(', ')} within ${CLEAR_MARGIN})`).join('; ')}.`);
  const components = guideline.components;
  const table = h(
    'table',
    { id: 'balance-table' },
    h('caption', { class: 'visually-hidden' }, 'Each bot\'s mean score and mean score components over the seeds'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Bot'), h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'Range'), ...components.map((c) => h('th', { scope: 'col' }, `${c.label} (×${c.weight})`)))),
    h('tbody', {}, ...r.bots.map((b) => h('tr', { 'data-bot': b.bot }, h('th', { scope: 'row' }, b.bot), h('td', {}, String(b.meanScore)), h('td', {}, `${b.lowest}–${b.highest}`), ...b.components.map((c) => h('td', {}, String(c.score)))))),
  );
  const s = r.surge;
  const cappedBots = [...new Set(s.cappedRuns.map((c) => c.bot))].join(', ');
  const surge = h(
    'p',
    { id: 'balance-surge' },
    `Unanswered surge (idle desk): about ${s.idleSurgePosts} crowd posts; the busiest hour had ${s.idlePeakPerHour} posts against a ceiling of ${s.ceilingPerHour} an hour (surge.maxPerMinute on every channel). `,
    s.cappedRuns.length === 0
      ? 'No run reached the ceiling: the crowd, not the safety limit, set the surge\'s size.'
      : h('strong', {}, `The ceiling held the surge back in ${s.cappedRuns.length} run${s.cappedRuns.length === 1 ? '' : 's'} (${cappedBots}): there the safety limit, not the crowd, set its size.`),
  );
  return [
    verdict,
    h('p', { id: 'balance-closest' }, `Closest naive bot: ${r.closest.bot}, ${r.closest.gap} points behind the guideline bot: ${r.closest.why}.`),
    // A wide table scrolls sideways in its own region, which must then take focus to scroll by keyboard.
    h('div', { style: 'overflow-x:auto', tabindex: '0', role: 'region', 'aria-label': 'Score breakdown by bot' }, table),
    surge,
  ];
}
