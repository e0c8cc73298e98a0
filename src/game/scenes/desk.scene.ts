import type Phaser from 'phaser';
import type { Action, Post } from '../../core/index';
import { describeDone } from '../desk/action-messages';
import { callInStaffDialog, declareLevelDialog, triageDialog, type Send } from '../desk/action-dialogs';
import { dmComposer, escalateComposer, holdingStatementComposer, replyComposer } from '../desk/compose-dialogs';
import { Composer, type ComposerOutcome, type ComposerSpec } from '../composer/composer';
import { DraftStore } from '../composer/drafts';
import { CitationSlip } from '../desk/citation-slip.view';
import { coachTip } from '../desk/coach';
import { EscalationPanel } from '../desk/escalation-panel.view';
import { actionBarRows, availability, commandForKey, type DeskCommand, type DeskHost } from '../desk/desk-commands';
import { namedPostIds, nextNamedPost } from '../desk/named-posts';
import { EventPresenter } from '../desk/event-presenter';
import { FeedModel, type FeedTab, type FeedView } from '../desk/feed-model';
import { describeCriterion, guidelineDoc } from '../desk/guideline-text';
import { Hud } from '../desk/hud.view';
import { formatCountdown } from '../desk/labels';
import { THREAD_ORDER_LABEL } from '../reading/thread-view';
import { ReadingLayer } from '../reading/reading-layer';
import { formatSpeed, nextSpeed } from '../run/pace';
import type { RunController } from '../run/run-controller';
import type { DeskView, GameServices } from '../session';
import { Button } from '../ui/button';
import { ChoiceDialog, type DialogSpec } from '../ui/choice-dialog';
import { DocOverlay } from '../ui/doc-overlay';
import { FocusList } from '../ui/focus-list';
import { keyHelpDoc } from '../ui/key-help';
import { addPanel, addText, COLOR, showText, TEXT_SCALE, textsAboveShapes } from '../ui/theme';
import { BaseScene } from './base.scene';
import { prefetchScene, startScene } from './scene-loader';
import { SCENE } from './scene-keys';

/** Real milliseconds between autosaves while the clock runs (and after every action). */
const AUTOSAVE_MS = 1000;
/** Real milliseconds between redraws of the reading layer while only the clock moves. */
const READING_MS = 150;
/** Real milliseconds the end-of-shift banner shows before the debrief. */
const END_BANNER_MS = 1500;

type Zone = 'feed' | 'actions';

/**
 * The social desk. Renders the run's state (feed, selected post, escalation
 * panel, HUD) and turns keys and clicks into core actions. Whether an action is
 * allowed and what it does is the core's business; a rejection is shown as the
 * core words it.
 */
export class DeskScene extends BaseScene implements DeskHost {
  private run!: RunController;
  private model!: FeedModel;
  private reading!: ReadingLayer;
  private hud!: Hud;
  private panel!: EscalationPanel;
  private slip!: CitationSlip;
  private presenter!: EventPresenter;
  private statusText!: Phaser.GameObjects.Text;
  private tutorial = false;
  private actionButtons: { cmd: DeskCommand; button: Button }[] = [];
  private actionFocus!: FocusList;
  private tab: FeedTab = 'all';
  private view: FeedView = 'live';
  private selected: number | null = null;
  private linkFrom: number | null = null;
  private zone: Zone = 'feed';
  /** The open dialog: a canvas choice dialog or the DOM composer. */
  private dialog: { name: string; close: () => void } | undefined;
  private composer: Composer | undefined;
  /** Unsent words, one draft per post and kind, kept for the whole shift. */
  private drafts = new DraftStore();
  private overlay: DocOverlay | undefined;
  private status = '';
  private lastSave = 0;
  private endingAt: number | undefined;
  private firstFrame = true;
  private renderKey = '';
  private readingKey = '';
  private readingUserKey = '';
  private readingAt = 0;
  /** The canvas frames the reading layer's opaque feed and detail panels cover exactly while it shows. */
  private coveredPanels: Phaser.GameObjects.Rectangle[] = [];

  constructor(services: GameServices) {
    super(SCENE.desk, services);
  }

  create(): void {
    // No camera fill: the renderer clears every frame to the game's background (COLOR.bg), and the
    // desk is alone on screen (the pause menu draws over it). In software WebGL the fill is a
    // full-screen quad drawn every frame over that clear.
    this.begin(false);
    const run = this.services.session.run;
    if (!run) {
      this.scene.start(SCENE.menu);
      return;
    }
    this.run = run;
    this.resetUi();
    const scenario = run.entry.scenario;
    const coaching = run.rules.coaching;
    this.model = new FeedModel(scenario.channels.map((c) => c.id));
    this.model.sync(run.sim.state);

    this.hud = new Hud(this, run);
    const top = 80;
    const bottom = 596;
    const feed = { x: 0, y: top, w: 520, h: bottom - top };
    const detail = { x: 528, y: top, w: 410, h: bottom - top };
    // The canvas keeps the panels' frames; the reading layer draws their text over them.
    this.coveredPanels = [addPanel(this, feed.x, feed.y, feed.w, feed.h), addPanel(this, detail.x, detail.y, detail.w, detail.h)];
    this.tutorial = run.rules.coachLines;
    this.panel = new EscalationPanel(this, 946, top, 334, bottom - top, run, () => this.openDeclare());
    this.reading = new ReadingLayer(
      this.game.canvas,
      scenario,
      { feed, detail, duties: this.panel.readingRegion },
      this.services.settings.get().textSize,
      coaching,
      this.reducedMotion(),
      (tab, postId) => {
        if (tab !== undefined) this.setTab(tab);
        if (postId !== undefined) this.select(postId);
        this.zone = 'feed';
        this.actionFocus.current()?.setFocused(false);
        this.redrawNow();
      },
      () => this.showNewPosts(),
    );
    // Over the escalation panel, clear of the reading layer (DOM draws above the canvas).
    this.slip = new CitationSlip(this.game.canvas, { x: 950, y: top + 8, w: 322, h: bottom - top - 16 }, TEXT_SCALE[this.services.settings.get().textSize], () => this.reducedMotion());
    this.presenter = new EventPresenter(run, this.services.audio, this.services.announcer, this.slip);
    this.buildActionBar();
    this.statusText = addText(this, 12, 692, '', { size: 's' });
    // Fewer draw calls in WebGL: the panels and buttons first, then every text over them.
    textsAboveShapes(this);

    this.keys.push((key, e) => this.onKey(key, e));
    this.services.session.desk = () => ({
      selectedPostId: this.selected,
      tab: this.tab,
      view: this.view,
      dialog: this.dialog?.name ?? null,
      overlay: this.overlay?.name ?? null,
      status: this.status,
      visiblePostIds: this.reading.visibleIds(),
      objects: this.countObjects(),
      canvasTexts: this.canvasTexts(),
      rectangles: this.rectangles(),
    });
    this.services.audio.setAmbience(true);
    // Back from the pause scene.
    const onResume = () => {
      this.services.session.scene = SCENE.desk;
      this.run.setPaused(false);
      this.setStatus(`Resumed at ${formatSpeed(this.run.speed)}.`);
    };
    this.events.on('resume', onResume);
    this.events.once('shutdown', () => {
      this.events.off('resume', onResume);
      this.services.audio.setAmbience(false);
      this.services.session.desk = undefined;
      this.composer?.close('kept');
      this.slip.destroy();
      this.reading.destroy();
    });
    this.setStatus(
      `${run.entry.scenario.title} — ${run.mode}. ${run.canPause ? 'P pauses. ' : ''}G shows the guideline, ? lists the keys.`,
    );
    this.services.announcer.say(`Shift started at ${run.sim.clock()}: ${scenario.title}, ${run.mode} mode. Press question mark for keys.`);
    this.render(performance.now());
  }

  override update(_time: number, delta: number): void {
    if (!this.run) return;
    const now = performance.now();
    if (this.endingAt !== undefined) {
      if (now >= this.endingAt) this.toDebrief();
      return;
    }
    this.showReading(!this.dialog && !this.overlay);
    const events = this.run.advance(delta);
    this.presenter.present(events, now);
    this.render(now);
    if (this.firstFrame) {
      this.firstFrame = false;
      this.services.session.timings.deskFirstFrameMs = Math.round(now);
      // The debrief follows the shift: its code downloads now, after the desk is drawn.
      prefetchScene(this.game, this.services, SCENE.debrief);
    }
    if (this.run.over) this.endShift(now);
    else if (now - this.lastSave >= AUTOSAVE_MS) this.save(now);
  }

  // ───────────────────────────── drawing ─────────────────────────────

  private render(now: number): void {
    const s = this.run.sim.state;
    this.slip.update(now);
    // Most frames at the normal pace fall between two sim steps: nothing to redraw.
    const key = `${s.t}|${s.log.length}|${s.over}|${this.run.speed}|${this.run.paused}|${this.tab}|${this.view}|${this.selected}|${this.linkFrom}|${this.zone}`;
    if (key !== this.renderKey) {
      this.renderKey = key;
      this.model.sync(s);
      this.hud.render();
      this.panel.render();
      const history = s.history;
      const last = history[history.length - 1];
      if (last) {
        const baselinePerHour = Math.max(1, this.run.entry.scenario.baseline.postsPerDay / 24);
        this.services.audio.setIntensity((last.arrivalsLastHour / baselinePerHour - 1) / 15);
      }
      this.refreshActionBar();
    }
    this.renderReading(now, key);
  }

  /**
   * Shows or hides the reading layer. While it shows, its feed and detail panels (opaque, the
   * canvas panels' colour and border) hide the canvas frames beneath, so those are not drawn:
   * each would be a third of the screen painted twice a frame, most of a frame's cost in software WebGL.
   */
  private showReading(on: boolean): void {
    this.reading.setVisible(on);
    for (const p of this.coveredPanels) if (p.visible === on) p.setVisible(!on);
  }

  /** Draws everything on the next frame, clock or not. */
  private redrawNow(): void {
    this.renderKey = '';
    this.readingKey = '';
    this.readingUserKey = '';
  }

  /**
   * The reading layer follows the trainee at once (a key, a click, an action)
   * but the clock only every READING_MS: text that changes sixty times a
   * second cannot be read, and at high speed it would cost every frame.
   */
  private renderReading(now: number, key: string): void {
    if (key === this.readingKey) return;
    const s = this.run.sim.state;
    const userKey = `${this.tab}|${this.view}|${this.selected}|${this.linkFrom}|${s.log.length}|${s.over}`;
    if (userKey === this.readingUserKey && now - this.readingAt < READING_MS) return;
    this.readingKey = key;
    this.readingUserKey = userKey;
    this.readingAt = now;
    const post = this.selectedPost();
    const coach = this.tutorial ? `Coach: ${coachTip(s, post, this.model.length(this.tab, this.view))}` : undefined;
    this.reading.render({ state: s, model: this.model, tab: this.tab, view: this.view, selected: this.selected, linkFrom: this.linkFrom }, post, coach);
    this.reading.duties.render(this.run.sim);
  }

  /** The action bar is made from the command table: one row of post commands, one of desk-wide ones. */
  private buildActionBar(): void {
    const h = 38;
    actionBarRows().forEach((row, r) => {
      const y = 602 + r * 44;
      const w = 1268 / row.length;
      row.forEach((cmd, i) => {
        const button = new Button(this, 6 + i * w, y, w - 6, h, cmd.label!, () => this.runCommand(cmd, cmd.keys[0]!), { hotkey: cmd.keyText.split(' ')[0], size: 's' });
        this.actionButtons.push({ cmd, button });
      });
    });
    this.actionFocus = new FocusList([...this.actionButtons.map((b) => b.button), this.panel.declareButton], 'horizontal');
    this.actionFocus.current()?.setFocused(false);
    this.refreshActionBar();
  }

  /** Greys out what cannot run now; while the trainee is busy, the time-taking buttons count down. */
  private refreshActionBar(): void {
    const busy = this.busyFor();
    for (const { cmd, button } of this.actionButtons) {
      const state = availability(cmd, this);
      button.setEnabled(state.ok);
      button.setCaption(state.ok || state.reason !== 'busy' ? cmd.label! : `${cmd.label} ${formatCountdown(busy)}`);
    }
  }

  // ───────────────────────────── input ─────────────────────────────

  private onKey(key: string, e: KeyboardEvent): boolean {
    if (this.endingAt !== undefined) return false;
    if (key === 'Tab') {
      this.zone = this.zone === 'feed' ? 'actions' : 'feed';
      if (this.zone === 'actions') this.actionFocus.focusAt(Math.max(0, this.actionFocus.currentIndex()));
      else this.actionFocus.current()?.setFocused(false);
      return true;
    }
    if (this.zone === 'actions' && ['ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', ' '].includes(key)) return this.actionFocus.handle(key, e.shiftKey);
    if (key === 'Escape') {
      if (this.linkFrom !== null) {
        this.linkFrom = null;
        this.setStatus('Link cancelled.');
      } else if (this.zone === 'actions') {
        this.zone = 'feed';
        this.actionFocus.current()?.setFocused(false);
      } else this.pause();
      return true;
    }
    const cmd = commandForKey(key);
    if (!cmd) return false;
    this.runCommand(cmd, key);
    return true;
  }

  /** Runs a command from the table if it can run now; says why not otherwise. */
  private runCommand(cmd: DeskCommand, key: string): void {
    const state = availability(cmd, this);
    if (state.ok) cmd.run(this, key);
    else if (state.reason === 'busy') this.setStatus(`Busy with the previous action: free in ${formatCountdown(this.busyFor())}.`, true);
    else cmd.refused?.(this);
  }

  // ─────────────────────── the host the commands drive ───────────────────────

  hasPost(): boolean {
    return this.selectedPost() !== undefined;
  }

  askForPost(): void {
    this.requirePost();
  }

  busyFor(): number {
    const s = this.run.sim.state;
    return Math.max(0, s.trainee.busyUntil - s.t);
  }

  canPause(): boolean {
    return this.run.canPause;
  }

  selectFirst(): void {
    this.selectAt(0);
  }

  selectLast(): void {
    this.selectAt(this.model.length(this.tab, this.view) - 1);
  }

  toggleView(): void {
    this.view = this.view === 'live' ? 'queue' : 'live';
    this.setStatus(this.view === 'live' ? 'Live feed: every post, newest first.' : 'Queue: open posts, oldest first.');
  }

  toggleThreadOrder(): void {
    const order = this.reading.detail.toggleOrder();
    this.setStatus(`Comments: ${THREAD_ORDER_LABEL[order].toLowerCase()}.`);
    // Drawn at the next frame, not when the reading layer's clock next ticks.
    this.readingKey = '';
    this.readingAt = 0;
  }

  jumpToNamedPost(): void {
    if (!this.run.rules.coaching) {
      this.setStatus('This mode gives no hints to jump to.', true);
      return;
    }
    const id = nextNamedPost(namedPostIds(this.run.sim.currentRequirements()), this.selected);
    if (id === undefined) {
      this.setStatus('No hint names a post right now.');
      return;
    }
    this.view = 'live';
    this.setTab('all');
    this.select(id);
    this.setStatus(`Jumped to post #${id}.`);
  }

  private setTab(tab: FeedTab): void {
    this.tab = tab;
  }

  /** Lets the posts that arrived above a frozen selection into the feed; the selection stays. */
  private showNewPosts(): void {
    this.reading.showNew();
    this.redrawNow();
  }

  cycleTab(delta: 1 | -1): void {
    const tabs = ['all', ...this.run.entry.scenario.channels.map((c) => c.id)];
    const i = (tabs.indexOf(this.tab) + delta + tabs.length) % tabs.length;
    this.setTab(tabs[i]!);
    const name = i === 0 ? 'All channels' : this.run.entry.scenario.channels[i - 1]!.name;
    this.setStatus(`${name}: ${this.model.openCount(this.tab)} open.`);
  }

  moveSelection(delta: 1 | -1): void {
    const idx = this.selected === null ? -1 : this.model.indexOf(this.tab, this.view, this.selected);
    if (idx < 0) this.selectAt(this.reading.firstIndex());
    else this.selectAt(idx + delta);
  }

  private selectAt(index: number): void {
    const n = this.model.length(this.tab, this.view);
    if (n === 0) {
      this.setStatus('No posts here yet.');
      return;
    }
    const i = Math.max(0, Math.min(n - 1, index));
    const id = this.model.at(this.tab, this.view, i);
    if (id !== undefined) this.select(id);
  }

  private select(id: number): void {
    this.selected = id;
    const p = this.model.post(id);
    if (p) {
      const flags = p.flags.length ? `, flagged ${p.flags.join(', ')}` : '';
      this.services.announcer.say(`Post #${p.id} by ${p.author.handle}, ${p.status}${flags}: ${p.text}`);
    }
  }

  private selectedPost(): Post | undefined {
    return this.selected === null ? undefined : this.model.post(this.selected);
  }

  private requirePost(): Post | undefined {
    const p = this.selectedPost();
    if (!p) this.setStatus('Select a post first: ↑ and ↓ move through the feed.', true);
    return p;
  }

  // ───────────────────────────── actions ─────────────────────────────

  /** Sends an action to the core; returns the rejection message, if any. */
  readonly send: Send = (action: Action) => {
    const result = this.run.apply(action);
    if (!result.ok) {
      this.setStatus(`Not done: ${result.message}.`, true);
      return result.message;
    }
    this.presenter.present(result.events, performance.now());
    this.setStatus(`✓ ${describeDone(action, this.run.sim)}`);
    // The judge's verdict on written words is feedback the trainee waits for: spoken, not only shown.
    if (action.type === 'post.reply' || action.type === 'post.dm' || action.type === 'desk.holdingStatement') this.services.announcer.say(this.status);
    this.redrawNow();
    this.save(performance.now());
    return undefined;
  };

  postAction(type: 'post.hide' | 'post.delete' | 'post.close'): void {
    const p = this.requirePost();
    if (p) this.send({ type, postId: p.id });
  }

  link(): void {
    const p = this.requirePost();
    if (!p) return;
    if (this.linkFrom === null || this.linkFrom === p.id) {
      this.linkFrom = p.id;
      this.setStatus(`Linking post #${p.id}: select the same issue on another channel and press L (Esc cancels).`);
      return;
    }
    const from = this.linkFrom;
    this.linkFrom = null;
    this.send({ type: 'thread.link', postIds: [from, p.id] });
  }

  openForPost(kind: 'triage' | 'reply' | 'dm' | 'escalate'): void {
    const p = this.requirePost();
    if (!p) return;
    const { scenario, state } = this.run.sim;
    if (kind === 'triage') this.openDialog(kind, triageDialog(p, this.send));
    else if (kind === 'reply') this.openComposer(replyComposer(p, scenario, state, this.send));
    else if (kind === 'dm') this.openComposer(dmComposer(p, scenario, state, this.send));
    else this.openComposer(escalateComposer(p, scenario, state, this.send));
  }

  openDesk(kind: 'statement' | 'staff'): void {
    const sim = this.run.sim;
    if (kind === 'statement') this.openComposer(holdingStatementComposer(sim.scenario, sim.state, this.send));
    else this.openDialog(kind, callInStaffDialog(sim.scenario, sim.state, this.send));
  }

  openDeclare(): void {
    const sim = this.run.sim;
    const levels = sim.scenario.guideline.levels;
    const describe = (i: number) => (i === 0 ? 'business as usual' : `when ${levels[i]!.entry.map((c) => describeCriterion(sim.scenario, c)).join('; or ')}`);
    this.openDialog('declare', declareLevelDialog(sim.scenario, sim.state, describe, this.send));
  }

  private openDialog(name: string, spec: DialogSpec): void {
    if (this.dialog || this.overlay) return;
    this.slip.dismiss();
    const ui = new ChoiceDialog(this, this.keys, { ...spec, onClose: () => (this.dialog = undefined) });
    this.dialog = { name, close: () => ui.close() };
  }

  /** Opens the composer for a reply, a DM, the holding statement or an escalation note, with its draft if one waits. */
  private openComposer(spec: ComposerSpec): void {
    if (this.dialog || this.overlay) return;
    this.slip.dismiss();
    const composer = new Composer(spec, {
      canvas: this.game.canvas,
      textScale: TEXT_SCALE[this.services.settings.get().textSize],
      drafts: this.drafts,
      onClose: (outcome, closed) => this.composerClosed(outcome, closed),
    });
    this.composer = composer;
    this.dialog = { name: spec.name, close: () => composer.close('kept') };
    this.redrawNow();
  }

  /** Says what became of the words: sent (the core's verdict is already on the status line), kept, or dropped. */
  private composerClosed(outcome: ComposerOutcome, spec: ComposerSpec): void {
    this.composer = undefined;
    this.dialog = undefined;
    this.redrawNow();
    if (outcome === 'kept' && this.drafts.has(spec.draftKey)) this.setStatus(`Draft kept: "${spec.title}" opens with it again.`);
    else if (outcome === 'discarded') this.setStatus('Draft discarded.');
  }

  openGuideline(): void {
    if (this.overlay) return;
    this.slip.dismiss();
    this.overlay = new DocOverlay(this, this.keys, 'guideline', guidelineDoc(this.run.entry.scenario), 'g', () => (this.overlay = undefined));
  }

  openHelp(): void {
    if (this.overlay) return;
    this.slip.dismiss();
    this.overlay = new DocOverlay(this, this.keys, 'keys', keyHelpDoc(), '?', () => (this.overlay = undefined));
  }

  changeSpeed(direction: 1 | -1): void {
    if (this.run.rules.fixedPace) {
      this.setStatus('Ranked runs play at one fixed pace.', true);
      return;
    }
    this.run.setSpeed(nextSpeed(this.run.speed, direction));
    this.setStatus(`Speed ${formatSpeed(this.run.speed)}.`);
  }

  pause(): void {
    if (!this.run.canPause) {
      this.setStatus(this.run.rules.pausedBy === 'trainer' ? 'Only your trainer can pause a drill: the shift runs on.' : 'There is no pause in ranked mode: the shift runs on.', true);
      return;
    }
    this.run.setPaused(true);
    this.showReading(false);
    this.save(performance.now());
    this.scene.launch(SCENE.pause);
    this.scene.pause();
  }

  private setStatus(message: string, problem = false): void {
    this.status = message;
    showText(this.statusText, message, problem ? COLOR.bad : COLOR.text);
    if (problem) this.services.announcer.say(message);
  }

  // ─────────────────────────── run lifecycle ───────────────────────────

  private save(now: number): void {
    this.lastSave = now;
    const s = this.run.sim.state;
    // A drill run lives with its trainer's drill; a reload rejoins the drill rather than resuming it.
    if (!s.over && this.run.rules.autosave) this.services.autosave.write(this.run.record(), s.t, this.run.speed);
  }

  private endShift(now: number): void {
    if (this.endingAt !== undefined) return;
    this.endingAt = now + END_BANNER_MS;
    this.showReading(false);
    this.dialog?.close();
    this.overlay?.close();
    this.services.autosave.clear();
    const run = this.run;
    this.services.session.finished = {
      entry: run.entry,
      mode: run.mode,
      seed: run.seed,
      speed: run.speed,
      record: run.record(),
      outcome: run.outcome(),
      state: run.sim.state,
    };
    this.services.session.run = undefined;
    this.add.rectangle(0, 0, 1280, 720, 0x000000, 0.6).setOrigin(0, 0).setDepth(200);
    addText(this, 640, 330, `End of shift — ${run.sim.clock()}`, { size: 'xxl', bold: true }).setOrigin(0.5).setDepth(201);
    addText(this, 640, 400, 'The debrief follows.', { size: 'l', color: COLOR.dim }).setOrigin(0.5).setDepth(201);
  }

  private toDebrief(): void {
    // The banner (and its key block) stays until the debrief opens; it was fetched during the shift.
    this.endingAt = Number.POSITIVE_INFINITY;
    void startScene(this, this.services, SCENE.debrief).then((went) => went || this.scene.start(SCENE.menu));
  }

  private countObjects(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const o of this.children.list) {
      if ((o as unknown as { visible?: boolean }).visible === false) continue;
      counts[o.type] = (counts[o.type] ?? 0) + 1;
    }
    return counts;
  }

  private rectangles(): DeskView['rectangles'] {
    const out: DeskView['rectangles'] = [];
    for (const o of this.children.list) {
      if (o.type !== 'Rectangle' || !(o as Phaser.GameObjects.Rectangle).visible) continue;
      const b = (o as Phaser.GameObjects.Rectangle).getBounds();
      out.push({ x: b.x, y: b.y, w: b.width, h: b.height });
    }
    return out;
  }

  private canvasTexts(): DeskView['canvasTexts'] {
    const out: DeskView['canvasTexts'] = [];
    for (const o of this.children.list) {
      if (o.type !== 'Text') continue;
      const t = o as Phaser.GameObjects.Text;
      if (!t.visible || t.alpha === 0 || t.text.trim() === '') continue;
      const b = t.getBounds();
      // The drawn size in design pixels: the font's size times the text's own and its parents' scale.
      const px = parseFloat(String(t.style.fontSize)) * Math.abs(t.scaleY) * (t.parentContainer ? Math.abs(t.parentContainer.scaleY) : 1);
      out.push({ text: t.text, x: b.x, y: b.y, w: b.width, h: b.height, px });
    }
    return out;
  }

  private resetUi(): void {
    this.tab = 'all';
    this.view = 'live';
    this.selected = null;
    this.linkFrom = null;
    this.zone = 'feed';
    this.dialog = undefined;
    this.composer = undefined;
    this.drafts = new DraftStore();
    this.overlay = undefined;
    this.actionButtons = [];
    this.endingAt = undefined;
    this.firstFrame = true;
    this.redrawNow();
    this.tutorial = false;
    this.lastSave = performance.now();
  }
}
