import type Phaser from 'phaser';
import { clockAt } from '../../core/index';
import { formatSpeed } from '../run/pace';
import type { PlayerMode } from '../run/launch-params';
import { savedRun } from '../run/saved-run';
import { modesFor, type CatalogEntry } from '../run/scenario-catalog';
import type { GameServices } from '../session';
import type { Settings } from '../settings/settings.store';
import { DocOverlay } from '../ui/doc-overlay';
import { FocusList, type Focusable } from '../ui/focus-list';
import { keyHelpDoc } from '../ui/key-help';
import { MenuRow, type MenuRowHandlers } from '../ui/menu-items';
import { addPanel, addText, COLOR, lineHeight } from '../ui/theme';
import { BaseScene } from './base.scene';
import { NET_SCENE } from './net-base.scene';
import { prefetchScene, startScene, withShift } from './scene-loader';
import { SCENE } from './scene-keys';

const MODE_TEXT: Record<PlayerMode, string> = {
  tutorial: 'Tutorial: a coach shows the next key to press; hints on what the guideline asks; pause and speed keys.',
  practice: 'Practice: pause (P), slow or fast speed (+/−), and hints on what the guideline requires right now.',
  ranked: 'Ranked: fixed pace, no pause, no hints. The score is replayed to verify it, so it can go on a leaderboard.',
};

const TEXT_SIZES: Settings['textSize'][] = ['normal', 'large', 'larger'];

const ONLINE = [
  { label: 'Leaderboards', scene: NET_SCENE.leaderboard, about: 'Verified ranked scores per scenario: individual and team standings, and your own rank. Every score on it was replayed by the server.' },
  { label: 'Join a drill', scene: NET_SCENE.drillJoin, about: 'Your trainer gives you a join code. Enter it with your name; the shift starts when the trainer starts the drill.' },
  { label: 'Run a drill (trainer)', scene: NET_SCENE.drillTrainer, about: 'Pick a scenario, share the join code with your cohort, watch everyone live, fire injects, pause and end the drill, then export the results as CSV or xAPI.' },
] as const;

/**
 * The menu: pick a scenario and a mode, resume a saved run, change settings
 * (volume, mute, reduced motion, text size) and read the keys. Notices (a
 * discarded save, broken scenario files, bad address parameters) show here.
 */
export class MenuScene extends BaseScene {
  private modes = new Map<string, PlayerMode>();
  private online = 0;
  private detail!: { title: Phaser.GameObjects.Text; meta: Phaser.GameObjects.Text; summary: Phaser.GameObjects.Text; mode: Phaser.GameObjects.Text };
  private overlay: DocOverlay | undefined;

  constructor(services: GameServices) {
    super(SCENE.menu, services);
  }

  create(data: { focus?: string } = {}): void {
    this.begin();
    this.overlay = undefined;
    const { session, catalog, settings } = this.services;
    session.timings.menuMs ??= Math.round(performance.now());
    // Most players go on to a shift: its code downloads while they choose.
    prefetchScene(this.game, this.services, SCENE.desk);

    addText(this, 40, 26, 'SURGE DRILL', { size: 'xxl', bold: true, color: COLOR.focus });
    addText(this, 40, 26 + lineHeight('xxl'), 'Rehearse a social-media crisis at the social desk.', { size: 'm', color: COLOR.dim });

    const items: Focusable[] = [];
    const keyed = new Map<string, Focusable>();
    const listX = 40;
    const listW = 560;
    const rowH = lineHeight('m') + lineHeight('s') + 14;
    let y = 120;

    const saved = savedRun(this.services);
    if (saved) {
      const s = saved.save;
      const row = new MenuRow(this, listX, y, listW, rowH, () => `Resume: ${saved.entry.scenario.title} at ${clockAt(saved.entry.scenario, s.t)} (${s.record.mode}, ${formatSpeed(s.speed)})`, {
        activate: () => {
          void withShift(this, this.services, (shift) => {
            if (shift.resumeRun(this.services, s, saved.entry)) this.scene.start(SCENE.desk);
            else this.scene.restart();
          });
        },
        onFocus: () => this.showEntry(saved.entry, `A run saved at ${clockAt(saved.entry.scenario, s.t)}. Enter resumes it where it stopped.`),
      });
      items.push(row);
      keyed.set('resume', row);
      y += rowH + 12;
    }

    addText(this, listX, y, 'SCENARIOS', { size: 'xs', color: COLOR.dim });
    y += lineHeight('xs') + 4;
    for (const entry of catalog.entries) {
      if (!this.modes.has(entry.id)) this.modes.set(entry.id, modesFor(entry)[0]!);
      const sc = entry.scenario;
      const cycle = (dir: 1 | -1) => {
        const modes = modesFor(entry);
        const i = modes.indexOf(this.modes.get(entry.id)!);
        this.modes.set(entry.id, modes[(i + dir + modes.length) % modes.length]!);
        this.showEntry(entry);
      };
      const row = new MenuRow(
        this,
        listX,
        y,
        listW,
        rowH,
        () => `${sc.title}\n    ${sc.difficulty} · ${sc.duration.simMinutes} min shift in ${sc.duration.realMinutes} min · ${this.modes.get(entry.id)}`,
        { activate: () => this.briefing(entry), left: () => cycle(-1), right: () => cycle(1), onFocus: () => this.showEntry(entry) },
      );
      items.push(row);
      keyed.set(`scenario:${entry.id}`, row);
      y += rowH + 6;
    }
    if (catalog.entries.length === 0) addText(this, listX, y, 'No playable scenario in this build.', { size: 'm', color: COLOR.bad });

    // The server-backed places, in one row: ←→ picks, Enter opens.
    y += 10;
    const onlineH = lineHeight('m') + 10;
    const online = new MenuRow(this, listX, y, listW, onlineH, () => `Online: ◀ ${ONLINE[this.online]!.label} ▶`, {
      activate: () => void startScene(this, this.services, ONLINE[this.online]!.scene),
      left: () => this.pickOnline(-1),
      right: () => this.pickOnline(1),
      onFocus: () => this.showOnline(),
    });
    items.push(online);
    keyed.set('online', online);
    y += onlineH + 4;

    // Settings, below the list.
    y = Math.max(y + 16, 470);
    addText(this, listX, y, 'SETTINGS', { size: 'xs', color: COLOR.dim });
    y += lineHeight('xs') + 4;
    const setH = lineHeight('m') + 10;
    const setting = (id: string, caption: () => string, handlers: MenuRowHandlers) => {
      const row = new MenuRow(this, listX, y, listW, setH, caption, handlers);
      items.push(row);
      keyed.set(id, row);
      y += setH + 4;
    };
    const s = () => settings.get();
    setting('volume', () => `Volume: ${s().volume}%`, {
      left: () => settings.update({ volume: Math.max(0, s().volume - 10) }),
      right: () => settings.update({ volume: Math.min(100, s().volume + 10) }),
    });
    setting('mute', () => `Sound: ${s().muted ? 'muted' : 'on'}`, { activate: () => settings.update({ muted: !s().muted }) });
    setting('motion', () => `Motion: ${s().reducedMotion ? 'reduced (no sliding or flashing)' : 'full'}`, {
      activate: () => settings.update({ reducedMotion: !s().reducedMotion }),
    });
    const sizeStep = (dir: 1 | -1) => {
      const i = TEXT_SIZES.indexOf(s().textSize);
      const next = TEXT_SIZES[Math.max(0, Math.min(TEXT_SIZES.length - 1, i + dir))]!;
      if (next !== s().textSize) {
        settings.update({ textSize: next });
        // Everything is laid out from the text size, so the menu is rebuilt.
        this.scene.restart({ focus: 'textSize' });
      }
    };
    setting('textSize', () => `Text size: ${s().textSize}`, { left: () => sizeStep(-1), right: () => sizeStep(1) });
    setting('keys', () => 'Keys (?)', { activate: () => this.showKeys() });

    // The focused scenario, on the right.
    const dx = 640;
    addPanel(this, dx, 120, 600, 440);
    this.detail = {
      title: addText(this, dx + 20, 136, '', { size: 'xl', bold: true, wrap: 560 }),
      meta: addText(this, dx + 20, 136 + lineHeight('xl') * 2, '', { size: 's', color: COLOR.dim, wrap: 560 }),
      summary: addText(this, dx + 20, 136 + lineHeight('xl') * 2 + lineHeight('s') * 3, '', { size: 'm', wrap: 560 }),
      mode: addText(this, dx + 20, 470, '', { size: 's', color: COLOR.focus, wrap: 560 }),
    };
    addText(this, dx + 20, 530, '↑↓ choose · ←→ mode · Enter briefing · ? keys', { size: 's', color: COLOR.dim });

    const notices = [...session.notices, ...this.services.launch.problems.map((p) => `Address parameter ignored: ${p}.`)];
    if (settings.problem) notices.push(settings.problem);
    if (catalog.problems.length) notices.push(`Scenario files with problems (not playable):\n${catalog.problems.slice(0, 4).join('\n')}`);
    if (notices.length) addText(this, dx, 575, notices.map((n) => `⚠ ${n}`).join('\n'), { size: 's', color: COLOR.warn, wrap: 600 });

    const focus = new FocusList(items, 'vertical');
    const want = data.focus ? keyed.get(data.focus) : undefined;
    if (want) focus.focus(want);
    this.keys.push((key, e) => {
      if (key === '?') {
        this.showKeys();
        return true;
      }
      return focus.handle(key, e.shiftKey);
    });
    if (notices.length) this.services.announcer.say(notices.join(' '), true);
    this.services.announcer.say('Menu. Up and down choose a scenario, left and right its mode, Enter opens the briefing.');
  }

  private showEntry(entry: CatalogEntry, note?: string): void {
    const sc = entry.scenario;
    const mode = this.modes.get(entry.id) ?? modesFor(entry)[0]!;
    this.detail.title.setText(sc.title);
    this.detail.meta.setText(
      `${sc.brand.name} (${sc.brand.sector}) · ${sc.difficulty} · ${sc.duration.simMinutes} sim min from ${sc.duration.startClock} in ${sc.duration.realMinutes} real min · ${sc.channels.map((c) => c.name).join(', ')}`,
    );
    this.detail.summary.setText(sc.summary);
    this.detail.mode.setText(note ?? `Mode ◀ ${mode} ▶ — ${MODE_TEXT[mode]}`);
  }

  private pickOnline(dir: 1 | -1): void {
    this.online = (this.online + dir + ONLINE.length) % ONLINE.length;
    this.showOnline();
  }

  private showOnline(): void {
    const place = ONLINE[this.online]!;
    this.detail.title.setText(place.label);
    this.detail.meta.setText('Needs the Surge Drill server (npm start serves the game and the API together).');
    this.detail.summary.setText(place.about);
    this.detail.mode.setText('←→ other online places · Enter opens');
  }

  private briefing(entry: CatalogEntry): void {
    const mode = this.modes.get(entry.id) ?? modesFor(entry)[0]!;
    this.scene.start(SCENE.briefing, { scenarioId: entry.id, mode });
  }

  private showKeys(): void {
    if (this.overlay) return;
    this.overlay = new DocOverlay(this, this.keys, 'keys', keyHelpDoc(), '?', () => (this.overlay = undefined));
  }
}

