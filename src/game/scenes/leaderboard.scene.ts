import type Phaser from 'phaser';
import type { PlayerBoard, TeamBoard } from '../net/api-client';
import { netServices } from '../net/net-services';
import { showPendingReveals } from '../net/claim-dialog';
import { editProfile } from '../net/profile-flow';
import type { GameServices } from '../session';
import { addPanel, addText, COLOR, lineHeight } from '../ui/theme';
import { NET_SCENE, NetBaseScene } from './net-base.scene';
import { SCENE } from './scene-keys';

const ROWS = 14;

type View = 'players' | 'teams';

/**
 * Verified leaderboards per scenario: individual and team standings, a page at a
 * time, with the player's own place. Every name is drawn as canvas text, never as
 * HTML. Also shows runs still waiting on this device to reach the server.
 */
export class LeaderboardScene extends NetBaseScene {
  private scenarioIndex = 0;
  private view: View = 'players';
  private offset = 0;
  private total = 0;
  private request = 0;
  private ui!: { heading: Phaser.GameObjects.Text; rows: Phaser.GameObjects.Text; page: Phaser.GameObjects.Text; you: Phaser.GameObjects.Text; queue: Phaser.GameObjects.Text };

  constructor(services: GameServices) {
    super(NET_SCENE.leaderboard, services);
  }

  create(): void {
    this.begin();
    const entries = this.ranked();
    this.scenarioIndex = Math.min(this.scenarioIndex, Math.max(0, entries.length - 1));
    addText(this, 40, 24, 'LEADERBOARDS', { size: 'xl', bold: true, color: COLOR.focus });
    addText(this, 40, 24 + lineHeight('xl'), 'Every score here was re-simulated by the server before it was accepted.', { size: 's', color: COLOR.dim });
    addPanel(this, 30, 100, 1220, 500);
    this.ui = {
      heading: addText(this, 50, 112, '', { size: 'm', bold: true, wrap: 1180 }),
      rows: addText(this, 50, 112 + lineHeight('m') * 2, '', { size: 'm', mono: true }),
      page: addText(this, 50, 560, '', { size: 's', color: COLOR.dim }),
      you: addText(this, 40, 612, '', { size: 'm', wrap: 1200 }),
      queue: addText(this, 40, 612 + lineHeight('m') + 6, '', { size: 's', color: COLOR.warn, wrap: 1200 }),
    };
    addText(this, 40, 690, '←→ scenario · T players/teams · ↑↓ or PgUp/PgDn page · N name, key, team and code · S send waiting runs · Esc menu', {
      size: 's',
      color: COLOR.dim,
    });
    this.keys.push((key) => this.onKey(key));
    this.showQueue();
    // A key or code issued while the run was sent in the background is shown here, once.
    void showPendingReveals(netServices().profile);
    void this.refresh();
    this.services.announcer.say('Leaderboards. Left and right choose the scenario, T switches between players and teams, N sets your name.');
  }

  private ranked() {
    return this.services.catalog.entries.filter((e) => !e.scenario.tutorial);
  }

  private onKey(key: string): boolean {
    const n = this.ranked().length;
    switch (key) {
      case 'ArrowLeft':
      case 'ArrowRight':
        if (n === 0) return true;
        this.scenarioIndex = (this.scenarioIndex + (key === 'ArrowLeft' ? -1 : 1) + n) % n;
        this.offset = 0;
        break;
      case 't':
        this.view = this.view === 'players' ? 'teams' : 'players';
        this.offset = 0;
        break;
      case 'ArrowDown':
      case 'PageDown':
        if (this.offset + ROWS >= this.total) return true;
        this.offset += ROWS;
        break;
      case 'ArrowUp':
      case 'PageUp':
        if (this.offset === 0) return true;
        this.offset = Math.max(0, this.offset - ROWS);
        break;
      case 'Home':
        this.offset = 0;
        break;
      case 'n':
        void this.editProfile();
        return true;
      case 's':
        void this.sendWaiting();
        return true;
      case 'Escape':
        this.scene.start(SCENE.menu);
        return true;
      default:
        return false;
    }
    void this.refresh();
    return true;
  }

  private async refresh(): Promise<void> {
    const entry = this.ranked()[this.scenarioIndex];
    if (!entry) {
      this.ui.heading.setText('No ranked scenario in this build.');
      return;
    }
    const ticket = ++this.request;
    this.ui.heading.setText(`◀ ${entry.scenario.title} ▶   ${this.view === 'players' ? 'Players' : 'Teams'} (loading…)`);
    const { api, profile } = netServices();
    const me = profile.get();
    try {
      if (this.view === 'players') {
        const page = await api.leaderboard(entry.id, { offset: this.offset, limit: ROWS, player: me.name || undefined });
        if (ticket !== this.request || !this.scene.isActive()) return;
        this.showPlayers(entry.scenario.title, page, me.name);
      } else {
        const page = await api.teamLeaderboard(entry.id, { offset: this.offset, limit: ROWS, team: me.team || undefined });
        if (ticket !== this.request || !this.scene.isActive()) return;
        this.showTeams(entry.scenario.title, page, me.team);
      }
    } catch (err) {
      if (ticket !== this.request || !this.scene.isActive()) return;
      this.ui.heading.setText(`◀ ${entry.scenario.title} ▶`);
      this.ui.rows.setText(`The leaderboard cannot be loaded: ${(err as Error).message}`);
      this.ui.page.setText('');
      this.services.announcer.say(`The leaderboard cannot be loaded: ${(err as Error).message}`);
    }
  }

  private showPlayers(title: string, page: PlayerBoard, name: string): void {
    this.total = page.total;
    this.ui.heading.setText(`◀ ${title} ▶   Players — ${page.total} ranked`);
    const lines = [`${'Rank'.padEnd(6)}${'Player'.padEnd(26)}${'Team'.padEnd(26)}Score  Grade`];
    for (const e of page.entries) lines.push(`${String(e.rank).padEnd(6)}${e.player.padEnd(26)}${(e.team ?? '—').padEnd(26)}${String(e.score).padStart(5)}  ${e.grade}`);
    if (page.entries.length === 0) lines.push('No verified runs yet. Play this scenario in ranked mode to be the first.');
    this.ui.rows.setText(lines.join('\n'));
    this.showPage(page);
    this.ui.you.setText(
      !name
        ? 'You have no name yet: press N to choose the name and team your ranked runs go under.'
        : page.you
          ? `You (${name}): rank ${page.you.rank} of ${page.total}, best ${page.you.score} (${page.you.grade}).`
          : `You (${name}): no verified ranked run on this scenario yet.`,
    );
    this.services.announcer.say(`${title}, players, page ${this.pageNumber()}. ${page.entries.slice(0, 3).map((e) => `${e.rank}: ${e.player}, ${e.score}`).join('. ')}`);
  }

  private showTeams(title: string, page: TeamBoard, team: string): void {
    this.total = page.total;
    this.ui.heading.setText(`◀ ${title} ▶   Teams — ${page.total} ranked (mean of each member's best)`);
    const lines = [`${'Rank'.padEnd(6)}${'Team'.padEnd(28)}Members  Average  Best`];
    for (const e of page.entries) lines.push(`${String(e.rank).padEnd(6)}${e.team.padEnd(28)}${String(e.members).padStart(7)}  ${e.average.toFixed(1).padStart(7)}  ${String(e.best).padStart(4)}`);
    if (page.entries.length === 0) lines.push('No team has a verified run yet. Set a team with N, then play ranked.');
    this.ui.rows.setText(lines.join('\n'));
    this.showPage(page);
    this.ui.you.setText(!team ? 'No team set: press N to join one by name.' : page.yours ? `Your team (${team}): rank ${page.yours.rank}, average ${page.yours.average.toFixed(1)} over ${page.yours.members}.` : `Your team (${team}): no verified run yet.`);
    this.services.announcer.say(`${title}, teams, page ${this.pageNumber()}.`);
  }

  private pageNumber(): string {
    return `${Math.floor(this.offset / ROWS) + 1} of ${Math.max(1, Math.ceil(this.total / ROWS))}`;
  }

  private showPage(page: { offset: number; total: number }): void {
    this.ui.page.setText(page.total > ROWS ? `Page ${this.pageNumber()}` : '');
  }

  private showQueue(): void {
    const { queue } = netServices();
    const lines: string[] = [];
    if (queue.problem) lines.push(`⚠ ${queue.problem}`);
    const waiting = queue.pending().length;
    if (waiting) lines.push(`⚠ ${waiting} finished run${waiting === 1 ? '' : 's'} waiting on this device to reach the server; S sends now, and they are retried automatically.`);
    for (const r of queue.refused().slice(-2)) lines.push(`✗ A run was refused by the server: ${r.reason}`);
    this.ui.queue.setText(lines.join('\n'));
  }

  private async sendWaiting(): Promise<void> {
    const results = await netServices().queue.flush();
    if (!this.scene.isActive()) return;
    this.showQueue();
    const sent = results.filter((r) => r.status === 'sent').length;
    this.services.announcer.say(results.length === 0 ? 'Nothing could be sent: the server cannot be reached.' : `${sent} run${sent === 1 ? '' : 's'} verified.`);
    void this.refresh();
  }

  private async editProfile(): Promise<void> {
    const said = await editProfile(netServices());
    if (!this.scene.isActive()) return;
    if (said) {
      this.ui.you.setText(said);
      this.services.announcer.say(said, true);
    }
    void this.refresh();
  }
}
