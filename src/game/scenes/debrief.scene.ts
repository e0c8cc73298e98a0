import type Phaser from 'phaser';
import { buildDebrief, clockAt, isPlayerMode, modeRules, type KeyMoment, type RunRecord } from '../../core/index';
import { DebriefPanel } from '../debrief/debrief-panel';
import { WatchBack } from '../review/watch-back';
import { netServices } from '../net/net-services';
import { showPendingReveals } from '../net/claim-dialog';
import { describeStatus } from '../net/ranked-attempts';
import { startRun } from '../run/run-launcher';
import type { FinishedRun, GameServices } from '../session';
import { Button } from '../ui/button';
import { LineChart } from '../ui/line-chart';
import { addPanel, addText, COLOR, css, lineHeight } from '../ui/theme';
import { BaseScene } from './base.scene';
import { NET_SCENE } from './net-base.scene';
import { startScene } from './scene-loader';
import { SCENE } from './scene-keys';

const GRADE_WORD: Record<string, string> = { A: 'excellent', B: 'good', C: 'fair', D: 'poor', F: 'failed' };

/**
 * The end-of-shift summary: score and grade; on the left, as HTML over the canvas,
 * the retry tips, the lessons of the shift worst first (each quoting its post and
 * the trainee's own reply) and the score breakdown; on the right, charts of the
 * shift (sentiment, backlog, declared vs true level) and the key moments to step
 * through.
 */
/** Ranked records already handed to the leaderboard queue, so revisiting the debrief never sends one twice. */
const submitted = new WeakSet<RunRecord>();

export class DebriefScene extends BaseScene {
  private moment = 0;
  private charts: LineChart[] = [];
  private momentTexts!: { head: Phaser.GameObjects.Text; body: Phaser.GameObjects.Text };

  constructor(services: GameServices) {
    super(SCENE.debrief, services);
  }

  create(): void {
    this.begin();
    const done = this.services.session.finished;
    if (!done) {
      this.scene.start(SCENE.menu);
      return;
    }
    this.moment = 0;
    this.charts = [];
    const { outcome, entry } = done;
    const sc = entry.scenario;

    const whose = done.shared ? `${done.shared.player}${done.shared.team ? ` (${done.shared.team})` : ''}'s shared run — ` : 'Debrief — ';
    addText(this, 30, 16, `${whose}${sc.title}`, { size: 'l', bold: true });
    addText(this, 30, 16 + lineHeight('l'), `${done.mode} · seed ${done.seed} · ${clockAt(sc, 0)}–${clockAt(sc, done.state.t)}`, { size: 's', color: COLOR.dim });
    const good = outcome.score >= 55;
    addText(this, 30, 70, `${outcome.score}`, { size: 'xxl', bold: true, color: good ? COLOR.good : COLOR.bad });
    addText(this, 140, 74, `Grade ${outcome.grade}`, { size: 'xl', bold: true });
    addText(this, 140, 74 + lineHeight('xl'), `${GRADE_WORD[outcome.grade]} · score out of 100`, { size: 's', color: COLOR.dim });

    // Lessons, tips and the breakdown: prose, so HTML that wraps, scrolls and reads aloud.
    const debrief = buildDebrief(sc, done.state);
    const panel = new DebriefPanel(this.game.canvas, { x: 20, y: 140, w: 620, h: 510 }, debrief, outcome, sc, done.state);
    this.scale.on('resize', panel.place, panel);
    this.events.once('shutdown', () => {
      this.scale.off('resize', panel.place, panel);
      panel.destroy();
    });

    // Charts on the right.
    const hist = done.state.history;
    const start = clockAt(sc, 0);
    const end = clockAt(sc, done.state.t);
    const levels = sc.guideline.levels;
    const cx = 700;
    const cw = 550;
    this.charts.push(
      new LineChart(this, cx, 40, cw, 90, 'Sentiment of the last hour (−2 furious … +2 delighted)', [{ values: hist.map((h) => h.sentiment / 100), color: COLOR.warn }], [-2, 2], {
        low: '−2',
        high: '+2',
        start,
        end,
      }),
      new LineChart(this, cx, 170, cw, 90, 'Backlog: posts waiting for a first response', [{ values: hist.map((h) => h.backlog), color: COLOR.bad }], undefined, {
        low: '0',
        high: String(Math.max(1, ...hist.map((h) => h.backlog))),
        start,
        end,
      }),
      new LineChart(
        this,
        cx,
        300,
        cw,
        90,
        'Level: declared (solid blue) vs true situation (dashed orange)',
        [
          { values: hist.map((h) => h.trueLevel), color: COLOR.warn, dashed: true, steps: true },
          { values: hist.map((h) => h.declaredLevel), color: COLOR.accent, steps: true },
        ],
        [0, levels.length - 1],
        { low: 'L0', high: `L${levels.length - 1}`, start, end },
      ),
    );

    // Key moments, stepped through with ← and →.
    addPanel(this, 640, 420, 620, 230);
    this.momentTexts = {
      head: addText(this, 656, 430, '', { size: 'm', bold: true, wrap: 590 }),
      body: addText(this, 656, 432 + lineHeight('m') * 2, '', { size: 's', wrap: 590 }),
    };
    this.showMoment(outcome.moments, done);

    // A ranked retry needs a fresh seed from the server (the briefing asks for it); a drill has no retry.
    const rules = modeRules(done.mode);
    const retry = () => {
      if (done.shared) {
        // Someone else's run: play the same shift yourself, in practice.
        startRun(this.services, entry, 'practice', done.seed);
        void startScene(this, this.services, SCENE.desk);
        return;
      }
      if (rules.retry === 'none' || !isPlayerMode(done.mode)) return;
      if (rules.retry === 'new-seed') {
        this.scene.start(SCENE.briefing, { scenarioId: entry.id, mode: done.mode });
        return;
      }
      startRun(this.services, entry, done.mode, done.seed, done.speed);
      void startScene(this, this.services, SCENE.desk);
    };
    const fromDrill = rules.submitTo === 'drill';
    const menu = () => {
      if (fromDrill) void startScene(this, this.services, NET_SCENE.drillJoin);
      else this.scene.start(SCENE.menu);
    };
    this.reportSubmission(done);
    const retryLabel = done.shared ? 'Play this shift yourself' : rules.retry === 'new-seed' ? 'New ranked shift' : 'Retry the same shift';
    const retryButton = new Button(this, 20, 664, 280, 44, rules.retry === 'none' && !done.shared ? 'Drill over' : retryLabel, retry, { hotkey: 'R' });
    new Button(this, 320, 664, 240, 44, fromDrill ? 'Back to the drill' : 'Back to the menu', menu, { hotkey: 'M' });
    new Button(this, 640, 664, 300, 44, '◀ ▶ Step through moments', () => this.step(1, done), { size: 's' });
    let watching: WatchBack | undefined;
    const watchBack = () => {
      watching ??= new WatchBack({ scenario: sc, run: done.record, moments: outcome.moments, onClose: () => (watching = undefined) });
    };
    new Button(this, 960, 664, 300, 44, 'Watch the shift back', watchBack, { hotkey: 'W' });
    this.events.once('shutdown', () => watching?.close());
    retryButton.setFocused(false);
    this.keys.push((key) => {
      switch (key) {
        case 'ArrowLeft':
          this.step(-1, done);
          return true;
        case 'ArrowRight':
          this.step(1, done);
          return true;
        case 'r':
          retry();
          return true;
        case 'w':
          watchBack();
          return true;
        case 'm':
        case 'Escape':
          menu();
          return true;
        case 'ArrowDown':
        case 'ArrowUp':
          panel.focusLesson(key === 'ArrowDown' ? 1 : -1);
          return true;
        case 'PageDown':
        case 'PageUp':
        case ' ':
          panel.scrollPage(key === 'PageUp' ? -1 : 1);
          return true;
        default:
          return false;
      }
    });
    this.services.audio.play(good ? 'outcomeGood' : 'outcomePoor');
    const tips = debrief.retryTips.length > 0 ? ` To fix on a retry: ${debrief.retryTips.join(' ')}` : '';
    this.services.announcer.say(
      `Debrief. Score ${outcome.score} of 100, grade ${outcome.grade}. ${outcome.narrative}${tips} ${debrief.lessons.length} lessons: up and down arrows move between them. ${outcome.moments.length} key moments: left and right arrows step through them. W watches the shift back minute by minute beside a model shift. R retries, M returns to the menu.`,
    );
  }

  private step(delta: 1 | -1, done: FinishedRun): void {
    const n = done.outcome.moments.length;
    if (n === 0) return;
    this.moment = (this.moment + delta + n) % n;
    this.showMoment(done.outcome.moments, done);
    const m = done.outcome.moments[this.moment]!;
    this.services.announcer.say(`Moment ${this.moment + 1} of ${n}, ${clockAt(done.entry.scenario, m.t)}: ${m.title}. ${this.momentBody(m)}`);
  }

  private momentBody(m: KeyMoment): string {
    return [m.guideline && `Guideline: ${m.guideline}`, m.did && `You: ${m.did}`, m.consequence && `Consequence: ${m.consequence}`].filter(Boolean).join('\n');
  }

  /** Ranked runs go to the leaderboard (through the offline queue); drill runs were sent by the drill itself. */
  private reportSubmission(done: FinishedRun): void {
    const destination = modeRules(done.mode).submitTo;
    if (destination === 'nowhere' || done.shared) return;
    const line = addText(this, 140, 74 + lineHeight('xl') + lineHeight('s') + 4, '', { size: 's', color: COLOR.warn, wrap: 480 });
    if (destination === 'drill') {
      line.setText('Your run went to your trainer, who verifies it by replaying it.');
      return;
    }
    if (submitted.has(done.record)) {
      line.setText('This run was already sent to the leaderboard.');
      return;
    }
    submitted.add(done.record);
    void netServices().ranked.submit(done.record, (status) => {
      if (!line.active) return;
      line.setText(describeStatus(status));
      if (status.state !== 'sending') this.services.announcer.say(describeStatus(status), true);
      // The first verified run under a name (or team) is answered its key: show it once, now.
      if (status.state === 'verified') void showPendingReveals(netServices().profile);
    });
  }

  private showMoment(moments: KeyMoment[], done: FinishedRun): void {
    const m = moments[this.moment];
    if (!m) {
      this.momentTexts.head.setText('No key moments in this shift.');
      this.momentTexts.body.setText('');
      return;
    }
    const mark = m.good === true ? '✓' : m.good === false ? '✗' : '•';
    this.momentTexts.head.setText(`◀ ${this.moment + 1}/${moments.length} ▶  ${clockAt(done.entry.scenario, m.t)}  ${mark} ${m.title}`);
    this.momentTexts.head.setColor(css(m.good === true ? COLOR.good : m.good === false ? COLOR.bad : COLOR.text));
    this.momentTexts.body.setText(this.momentBody(m));
    const sample = Math.round(m.t / 60);
    for (const c of this.charts) c.mark(sample);
  }
}
