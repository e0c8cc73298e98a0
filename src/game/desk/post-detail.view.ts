import type Phaser from 'phaser';
import type { Post, Scenario } from '../../core/index';
import { clockAt } from '../../core/index';
import { addPanel, addText, COLOR, css, lineHeight } from '../ui/theme';
import { BLOCK_LABEL, CATEGORY_LABEL, FLAG_LABEL, formatDuration, formatFollowers, ROLE_LABEL, TONE_LABEL } from './labels';

/**
 * The selected post in full: who wrote it and their reach, its flags, the text,
 * and what the desk has done with it so far. Redrawn only when it changes.
 */
export class PostDetail {
  private readonly title: Phaser.GameObjects.Text;
  private readonly meta: Phaser.GameObjects.Text;
  private readonly flags: Phaser.GameObjects.Text;
  private readonly body: Phaser.GameObjects.Text;
  private readonly history: Phaser.GameObjects.Text;
  private key = '';
  private readonly bottom: number;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    w: number,
    h: number,
    private readonly scenario: Scenario,
    /** Practice and tutorial show how each reply landed and what a post needs. */
    private readonly coaching: boolean,
  ) {
    addPanel(scene, x, y, w, h);
    const pad = 12;
    this.title = addText(scene, x + pad, y + pad, '', { size: 'l', bold: true, wrap: w - 2 * pad });
    this.meta = addText(scene, x + pad, y + pad + lineHeight('l') + 2, '', { size: 's', color: COLOR.dim, wrap: w - 2 * pad });
    this.flags = addText(scene, x + pad, y + pad + lineHeight('l') + lineHeight('s') * 2 + 6, '', { size: 's', bold: true, color: COLOR.warn, wrap: w - 2 * pad });
    this.body = addText(scene, x + pad, y + pad + lineHeight('l') + lineHeight('s') * 3 + 12, '', { size: 'm', wrap: w - 2 * pad });
    this.history = addText(scene, x + pad, y + h / 2 + 20, '', { size: 's', wrap: w - 2 * pad });
    this.bottom = y + h - 8;
  }

  /**
   * Stacks the texts under each other as they wrap. The post's own words come
   * first; its history gets the rest (at least three lines). A cut is marked …
   */
  private layout(reserveBottom: number, fullBody: string): void {
    this.meta.setY(this.title.y + this.title.height + 2);
    this.flags.setY(this.meta.y + this.meta.height + 4);
    this.body.setY(this.flags.y + this.flags.height + 8);
    const room = this.bottom - reserveBottom - this.body.y - 12;
    this.history.setMaxLines(0);
    const historyNeed = this.history.getWrappedText().length;
    const bodyWrapped = this.body.getWrappedText(fullBody);
    const bodyFit = Math.max(2, Math.floor((room - Math.min(historyNeed, 3) * lineHeight('s')) / lineHeight('m')));
    if (bodyWrapped.length > bodyFit) this.body.setText(`${bodyWrapped.slice(0, bodyFit).join('\n').replace(/\s*\S*$/, '')}…`);
    else this.body.setText(fullBody);
    this.history.setY(this.body.y + this.body.height + 12);
    this.history.setMaxLines(Math.max(1, Math.floor((this.bottom - reserveBottom - this.history.y) / lineHeight('s'))));
  }

  /** Space at the bottom kept free for the tutorial's coach. */
  reserve = 0;

  render(p: Post | undefined, now: number, linkFrom: number | null): void {
    const key = p
      ? `${p.id}|${p.status}|${p.inDm}|${p.replies.length}|${p.escalatedTo.join()}|${p.triage?.category ?? ''}${p.triage?.urgent ?? ''}|${p.linkedTo ?? ''}|${Math.floor((now - p.t) / 60)}|${linkFrom}`
      : `none|${linkFrom}`;
    if (key === this.key) return;
    this.key = key;
    if (!p) {
      this.title.setText('No post selected');
      this.meta.setText('Use ↑ and ↓ (or click) to pick a post in the feed.');
      this.flags.setText('');
      this.body.setText('');
      this.history.setText(linkFrom !== null ? `Linking from post #${linkFrom}: pick a post on another channel and press L.` : '');
      this.layout(this.reserve, '');
      return;
    }
    const channel = this.scenario.channels.find((c) => c.id === p.channel)?.name ?? p.channel;
    const reach = p.author.followers >= 100_000 ? 'very high reach' : p.author.followers >= 10_000 ? 'high reach' : p.author.followers >= 1000 ? 'some reach' : 'small reach';
    this.title.setText(`${p.author.name}  ${p.author.handle}`);
    const thread = p.threadId !== p.id ? ` · in the thread of #${p.threadId}` : '';
    this.meta.setText(
      `#${p.id} on ${channel} · ${formatFollowers(p.author.followers)} followers (${reach}) · posted ${clockAt(this.scenario, p.t)}, ${formatDuration(now - p.t)} ago${thread}`,
    );
    this.flags.setText(p.flags.length ? p.flags.map((f) => `⚠ ${FLAG_LABEL[f]}`).join('   ') : 'No flags');
    this.flags.setColor(css(p.flags.length ? COLOR.warn : COLOR.dim));

    const lines: string[] = [];
    const status: Record<Post['status'], string> = {
      open: 'OPEN — waiting for a response',
      answered: '✓ ANSWERED',
      closed: '✓ CLOSED',
      hidden: 'HIDDEN from public view',
      deleted: '✗ DELETED',
    };
    lines.push(`Status: ${status[p.status]}${p.inDm ? ' · in private messages (DM)' : ''}`);
    if (p.triage) lines.push(`Triaged: ${CATEGORY_LABEL[p.triage.category].label}${p.triage.urgent ? ', urgent' : ''}`);
    if (p.escalatedTo.length) lines.push(`Escalated to: ${p.escalatedTo.map((r) => ROLE_LABEL[r]).join(', ')}`);
    if (p.linkedTo !== undefined) lines.push(`Linked with post #${p.linkedTo}`);
    if (this.coaching && p.needs && !p.escalatedTo.includes(p.needs.role)) {
      lines.push(`Hint: this needs ${ROLE_LABEL[p.needs.role]} by ${clockAt(this.scenario, p.needs.deadline)}.`);
    }
    for (const r of p.replies.slice(-3)) {
      const who = r.by === 'trainee' ? 'You' : 'Team';
      const words = r.blocks.map((b) => BLOCK_LABEL[b].label.toLowerCase()).join(' + ');
      const landed = this.coaching && r.by === 'trainee' ? (r.quality > 0 ? ' — ✓ landed well' : r.quality < 0 ? ' — ✗ landed badly' : ' — landed flat') : '';
      lines.push(`${who} ${clockAt(this.scenario, r.t)} (${TONE_LABEL[r.tone].label.toLowerCase()}): ${words}${landed}`);
    }
    if (p.replies.length > 3) lines.push(`… and ${p.replies.length - 3} earlier replies`);
    if (linkFrom !== null) lines.push(`Linking from post #${linkFrom}: press L here to link, Esc to cancel.`);
    this.history.setText(lines.join('\n'));
    this.layout(this.reserve, `“${p.text}”`);
  }
}
