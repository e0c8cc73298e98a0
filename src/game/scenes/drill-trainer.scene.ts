import type Phaser from 'phaser';
import { ApiRequestError, type DrillResults, type DrillStatus, type DrillTrainee, type DrillView } from '../net/api-client';
import { openDrillStream } from '../net/drill-stream';
import { netServices } from '../net/net-services';
import { saveFile } from '../net/save-file';
import type { GameServices } from '../session';
import { FocusList } from '../ui/focus-list';
import { MenuRow } from '../ui/menu-items';
import { addPanel, addText, COLOR, lineHeight } from '../ui/theme';
import { NET_SCENE, NetBaseScene } from './net-base.scene';
import { SCENE } from './scene-keys';
import type { DebriefPanel } from '../debrief/debrief-panel';
import { findEntry } from '../run/scenario-catalog';
import { openTraineeReview } from './drill-review';

const STORE_KEY = 'surge-drill.trainer';

interface TrainerDrill {
  code: string;
  trainerToken: string;
}

const OBLIGATION_MARK: Record<string, string> = { met: '✓', metLate: '✓', missed: '✗', open: '…', waiting: '·' };

/**
 * The trainer's screen: create a drill for a scenario and show its join code; watch
 * who joined and each trainee's live score, level and obligations; start, pause,
 * resume and end the drill for everyone; fire injects from the scenario's library;
 * open any trainee's review (↑↓ choose a row, V opens it: the debrief of the run as
 * far as it has arrived); then read the cohort results — the lessons most trainees
 * missed, by lesson, and each trainee's breaches — and export them (CSV, xAPI). The trainer token stays
 * in this browser (local storage), so a reload returns to the same drill.
 */
export class DrillTrainerScene extends NetBaseScene {
  private drill: TrainerDrill | undefined;
  private view: DrillView | undefined;
  private results: DrillResults | undefined;
  private closeStream: (() => void) | undefined;
  private popLayer: (() => void) | undefined;
  /** The live table's chosen row, whose review V opens. */
  private selected = 0;
  private review: DebriefPanel | undefined;
  private objects: Phaser.GameObjects.GameObject[] = [];
  private text!: { head: Phaser.GameObjects.Text; table: Phaser.GameObjects.Text; side: Phaser.GameObjects.Text; status: Phaser.GameObjects.Text };

  constructor(services: GameServices) {
    super(NET_SCENE.drillTrainer, services);
  }

  create(): void {
    this.begin();
    this.events.once('shutdown', () => {
      this.closeStream?.();
      this.closeReview();
    });
    this.results = undefined;
    this.view = undefined;
    addText(this, 40, 24, 'RUN A DRILL', { size: 'xl', bold: true, color: COLOR.focus });
    this.drill = this.stored();
    if (this.drill) void this.openDrill(this.drill);
    else this.chooseScenario();
  }

  // ───────────── choosing a scenario ─────────────

  private chooseScenario(): void {
    this.clear();
    const entries = this.services.catalog.entries.filter((e) => !e.scenario.tutorial);
    this.track(addText(this, 40, 90, 'Choose the scenario for the cohort. Everyone plays the same seed; you fire injects live.', { size: 'm', color: COLOR.dim }));
    const rows = entries.map((entry, i) => {
      const row = new MenuRow(this, 40, 140 + i * 64, 800, 56, () => `${entry.scenario.title}\n    ${entry.scenario.difficulty} · ${entry.scenario.duration.realMinutes} real minutes · ${entry.scenario.injects.length} injects`, {
        activate: () => void this.createDrill(entry.id),
      });
      this.track<Phaser.GameObjects.GameObject>(row.bg, row.text);
      return row;
    });
    const focus = new FocusList(rows, 'vertical');
    this.layer((key, shift) => (key === 'Escape' ? (this.scene.start(SCENE.menu), true) : focus.handle(key, shift)));
    this.services.announcer.say('Run a drill. Up and down choose a scenario, Enter creates the drill.');
  }

  private async createDrill(scenarioId: string): Promise<void> {
    try {
      const created = await netServices().api.createDrill(scenarioId);
      this.drill = { code: created.code, trainerToken: created.trainerToken };
      window.localStorage.setItem(STORE_KEY, JSON.stringify(this.drill));
      await this.openDrill(this.drill);
    } catch (err) {
      this.say(`Could not create the drill: ${(err as Error).message}`);
    }
  }

  // ───────────── the dashboard ─────────────

  private async openDrill(drill: TrainerDrill): Promise<void> {
    const { api } = netServices();
    try {
      this.view = await api.drill(drill.code, drill.trainerToken);
    } catch (err) {
      if (err instanceof ApiRequestError && (err.status === 404 || err.status === 403)) {
        window.localStorage.removeItem(STORE_KEY);
        this.drill = undefined;
        this.chooseScenario();
        this.say(`The saved drill ${drill.code} is no longer available.`);
        return;
      }
      this.say(`Cannot reach the server: ${(err as Error).message}`);
      return;
    }
    if (!this.scene.isActive()) return;
    this.dashboard();
    this.closeStream?.();
    this.closeStream = openDrillStream(api.eventsUrl(drill.code, drill.trainerToken), {
      snapshot: (snapshot) => {
        if (snapshot.role === 'trainer') this.view = snapshot;
        this.render();
      },
      status: (status) => this.patch({ status }),
      joined: (t) => {
        this.view?.trainees.push({ traineeId: t.traineeId, name: t.name, joinedAt: Date.now(), progress: null, final: null });
        this.services.announcer.say(`${t.name} joined.`);
        this.render();
      },
      progress: (p) => {
        const trainee = this.trainee(p.traineeId);
        if (trainee) trainee.progress = p;
        this.render();
      },
      finished: (f) => {
        const trainee = this.trainee(f.traineeId);
        if (trainee) trainee.final = { score: f.score, grade: f.grade, at: Date.now() };
        this.services.announcer.say(`${trainee?.name ?? 'A trainee'} finished: ${f.score} (${f.grade}).`);
        this.render();
      },
      connection: (open) => !open && this.say('Live updates interrupted; reconnecting…'),
    });
  }

  private dashboard(): void {
    this.clear();
    this.track(addPanel(this, 30, 90, 820, 560).setDepth(-1), addPanel(this, 870, 90, 380, 560).setDepth(-1));
    this.text = {
      head: this.track(addText(this, 50, 100, '', { size: 'l', bold: true, wrap: 780 })),
      table: this.track(addText(this, 50, 100 + lineHeight('l') * 3, '', { size: 's', mono: true })),
      side: this.track(addText(this, 890, 100, '', { size: 's', wrap: 340 })),
      status: this.track(addText(this, 40, 660, '', { size: 's', color: COLOR.warn, wrap: 1200 })),
    };
    this.track(addText(this, 40, 690, 'S start · P pause/resume · 1–9 inject · E end · ↑↓ trainee · V review · R results · C CSV · X xAPI · N new · Esc menu', { size: 's', color: COLOR.dim }));
    this.layer((key) => this.onKey(key));
    this.render();
  }

  private onKey(key: string): boolean {
    const view = this.view;
    if (!view || !this.drill) return false;
    if (this.review) return this.onReviewKey(key);
    const { api } = netServices();
    const { code, trainerToken } = this.drill;
    const command = (c: 'start' | 'pause' | 'resume' | 'end') =>
      void api.control(code, trainerToken, c).then(
        (r) => this.patch({ status: r.status }),
        (err: Error) => this.say(err.message),
      );
    if (/^[1-9]$/.test(key)) {
      const inject = view.scenario.injects[Number(key) - 1];
      if (inject) {
        void api.fireInject(code, trainerToken, inject.id).then(
          (fired) => {
            if (!view.firedInjects.some((f) => f.eventId === fired.eventId)) view.firedInjects.push(fired);
            this.say(`Fired: ${fired.title}.`);
            this.render();
          },
          (err: Error) => this.say(err.message),
        );
      }
      return true;
    }
    switch (key) {
      case 'ArrowUp':
      case 'ArrowDown':
        this.select(key === 'ArrowDown' ? 1 : -1);
        return true;
      case 'v':
        void this.openReview();
        return true;
      case 's':
        command('start');
        return true;
      case 'p':
        command(view.status === 'paused' ? 'resume' : 'pause');
        return true;
      case 'e':
        command('end');
        return true;
      case 'r':
        void api.results(code, trainerToken).then(
          (results) => {
            this.results = results;
            this.render();
          },
          (err: Error) => this.say(err.message),
        );
        return true;
      case 'c':
      case 'x':
        // Fetched with the token in a header and saved from a blob: the token never goes into a URL.
        void api.exportFile(code, trainerToken, key === 'c' ? 'csv' : 'xapi').then(saveFile, (err: Error) => this.say(err.message));
        return true;
      case 'n':
        window.localStorage.removeItem(STORE_KEY);
        this.closeStream?.();
        this.drill = undefined;
        this.chooseScenario();
        return true;
      case 'Escape':
        this.scene.start(SCENE.menu);
        return true;
      default:
        return false;
    }
  }

  private render(): void {
    const view = this.view;
    if (!view || !this.text?.head.active) return;
    const statusWord: Record<DrillStatus, string> = { lobby: 'waiting to start', running: '▶ running', paused: '⏸ paused', ended: '■ ended' };
    this.text.head.setText(`Join code: ${view.code}\n${view.scenario.title} · seed ${view.seed} · ${statusWord[view.status]} · ${view.trainees.length} trainee${view.trainees.length === 1 ? '' : 's'}`);
    const rows = [`${'Trainee'.padEnd(24)}${'Live'.padStart(5)}  ${'Level'.padEnd(12)}${'Obligations'.padEnd(14)}Final`];
    view.trainees.forEach((t, i) => rows.push(`${i === this.selected ? '▸' : ' '}${this.row(t)}`));
    if (view.trainees.length === 0) rows.push(`No one yet. Trainees choose "Join a drill" and type ${view.code}.`);
    this.text.table.setText(rows.join('\n'));

    const side: string[] = ['INJECTS (press the number)'];
    view.scenario.injects.forEach((inject, i) => {
      const fired = view.firedInjects.some((f) => f.injectId === inject.id);
      side.push(`${i + 1}. ${fired ? '✓ fired · ' : ''}${inject.title}${inject.scripted ? ' (also scripted)' : ''}`);
    });
    if (this.results) {
      const r = this.results;
      side.push('', 'RESULTS', `Average score: ${r.averageScore ?? '—'} (${r.trainees.filter((t) => t.finished).length} of ${r.trainees.length} finished)`);
      for (const c of r.components) side.push(`${c.label}: ${c.average}`);
      if (r.missedLessons.length) side.push('', 'Lessons most missed:');
      for (const l of r.missedLessons.slice(0, 5)) side.push(`${l.missedBy}/${l.of} · ${l.title}`);
      for (const o of r.missedObligations.slice(0, 2)) side.push(`${o.missedBy}/${o.of} missed ${o.rule}: ${o.text}`);
      const breaches = r.trainees.filter((t) => t.figures).map((t) => `${t.name} ${t.figures!.breaches.length}`);
      if (breaches.length) side.push('', `Breaches: ${breaches.join(' · ')}`);
    }
    this.text.side.setText(side.join('\n'));
  }

  private row(t: DrillTrainee): string {
    const p = t.progress;
    const obligations = p ? p.obligations.map((o) => OBLIGATION_MARK[o.status] ?? '?').join('') || '—' : '—';
    const final = t.final ? `${t.final.score} (${t.final.grade})` : p ? 'playing' : 'joined';
    return `${t.name.padEnd(24)}${(p ? String(p.score) : '—').padStart(5)}  ${(p?.level ?? '—').slice(0, 11).padEnd(12)}${obligations.slice(0, 13).padEnd(14)}${final}`;
  }

  // ───────────── a trainee's review ─────────────

  private select(delta: 1 | -1): void {
    const trainees = this.view?.trainees ?? [];
    if (trainees.length === 0) return;
    this.selected = Math.min(trainees.length - 1, Math.max(0, this.selected + delta));
    const t = trainees[this.selected]!;
    this.services.announcer.say(`${t.name}: ${t.final ? `final ${t.final.score}` : t.progress ? `live ${t.progress.score}` : 'joined'}. V opens their review.`);
    this.render();
  }

  private async openReview(): Promise<void> {
    const trainee = this.view?.trainees[this.selected];
    if (!trainee || !this.drill) return;
    try {
      const review = await netServices().api.traineeReview(this.drill.code, this.drill.trainerToken, trainee.traineeId);
      if (!this.scene.isActive() || this.review) return;
      const opened = openTraineeReview(this.game.canvas, findEntry(this.services.catalog, review.scenarioId), review);
      if (typeof opened === 'string') {
        this.say(`Cannot open ${trainee.name}'s review: ${opened}.`);
        return;
      }
      this.review = opened;
      this.services.announcer.say(`Review of ${trainee.name}'s run. Up and down arrows move between lessons, Escape closes.`);
    } catch (err) {
      this.say(`Cannot open ${trainee.name}'s review: ${(err as Error).message}`);
    }
  }

  private onReviewKey(key: string): boolean {
    const review = this.review!;
    if (key === 'Escape' || key === 'v') {
      this.closeReview();
      this.game.canvas.focus();
      this.services.announcer.say('Review closed.');
    } else if (key === 'ArrowDown' || key === 'ArrowUp') review.focusLesson(key === 'ArrowDown' ? 1 : -1);
    else if (key === 'PageDown' || key === 'PageUp') review.scrollPage(key === 'PageDown' ? 1 : -1);
    else return false;
    return true;
  }

  private closeReview(): void {
    this.review?.destroy();
    this.review = undefined;
  }

  // ───────────── helpers ─────────────

  private patch(update: Partial<DrillView>): void {
    if (this.view) Object.assign(this.view, update);
    if (update.status) this.services.announcer.say(`Drill ${update.status}.`);
    this.render();
  }

  private trainee(id: string): DrillTrainee | undefined {
    return this.view?.trainees.find((t) => t.traineeId === id);
  }

  private stored(): TrainerDrill | undefined {
    try {
      const raw = window.localStorage.getItem(STORE_KEY);
      return raw ? (JSON.parse(raw) as TrainerDrill) : undefined;
    } catch {
      return undefined;
    }
  }

  private say(message: string): void {
    if (this.text?.status.active) this.text.status.setText(message);
    this.services.announcer.say(message, true);
  }

  private track<T extends Phaser.GameObjects.GameObject>(...objects: T[]): T {
    this.objects.push(...objects);
    return objects[0]!;
  }

  private layer(handler: (key: string, shift: boolean) => boolean): void {
    this.popLayer?.();
    this.popLayer = this.keys.push((key, e) => handler(key, e.shiftKey));
  }

  private clear(): void {
    for (const o of this.objects) o.destroy();
    this.objects = [];
  }
}
