import type Phaser from 'phaser';
import type { Post, Scenario } from '../../core/index';
import { addText, COLOR, css, fontPx, lineHeight } from '../ui/theme';
import type { FeedModel, FeedTab, FeedView } from './feed-model';
import { FLAG_LABEL, formatDuration, formatFollowers } from './labels';

interface Row {
  bg: Phaser.GameObjects.Rectangle;
  fresh: Phaser.GameObjects.Rectangle;
  meta: Phaser.GameObjects.Text;
  status: Phaser.GameObjects.Text;
  body: Phaser.GameObjects.Text;
  key: string;
  postId: number | undefined;
}

const STATUS_LABEL: Record<Post['status'], string> = {
  open: 'OPEN',
  answered: '✓ ANSWERED',
  closed: '✓ CLOSED',
  hidden: 'HIDDEN',
  deleted: '✗ DELETED',
};

/** A post younger than this (sim seconds) is marked as new. */
const FRESH_SECONDS = 120;

/**
 * The feed: channel tabs and a fixed pool of rows. Each frame it fills the rows
 * from the model's window and redraws a row only when what it shows changed,
 * so its cost depends on the rows on screen, not on the length of the history.
 */
export class FeedPanel {
  private readonly rows: Row[] = [];
  private readonly tabs: { tab: FeedTab; text: Phaser.GameObjects.Text; bg: Phaser.GameObjects.Rectangle }[] = [];
  private readonly header: Phaser.GameObjects.Text;
  private readonly rowHeight: number;
  private readonly bodyChars: number;
  top = 0;
  private tabKey = '';

  constructor(
    scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly w: number,
    private readonly h: number,
    scenario: Scenario,
    onPick: (tab: FeedTab | undefined, postId: number | undefined) => void,
  ) {
    const tabH = lineHeight('s') + 10;
    const tabList: { tab: FeedTab; name: string }[] = [{ tab: 'all', name: 'All' }, ...scenario.channels.map((c) => ({ tab: c.id, name: c.name }))];
    const tabW = Math.floor(w / tabList.length);
    tabList.forEach(({ tab }, i) => {
      const bg = scene.add.rectangle(x + i * tabW, y, tabW - 2, tabH, COLOR.panel).setOrigin(0, 0).setInteractive({ useHandCursor: true });
      bg.on('pointerdown', () => onPick(tab, undefined));
      const text = addText(scene, x + i * tabW + 8, y + 5, '', { size: 's' });
      this.tabs.push({ tab, text, bg });
    });
    this.names = new Map(tabList.map((t) => [t.tab, t.name]));
    this.header = addText(scene, x + 4, y + tabH + 4, '', { size: 'xs', color: COLOR.dim });
    const listTop = y + tabH + lineHeight('xs') + 8;
    this.rowHeight = lineHeight('s') + lineHeight('m') + 8;
    const count = Math.max(3, Math.floor((y + h - listTop) / this.rowHeight));
    this.bodyChars = Math.floor((w - 24) / (fontPx('m') * 0.56));
    for (let i = 0; i < count; i++) {
      const ry = listTop + i * this.rowHeight;
      const bg = scene.add.rectangle(x, ry, w, this.rowHeight - 3, COLOR.panel).setOrigin(0, 0).setInteractive({ useHandCursor: true });
      const row: Row = {
        bg,
        fresh: scene.add.rectangle(x, ry, 4, this.rowHeight - 3, COLOR.accent).setOrigin(0, 0).setVisible(false),
        meta: addText(scene, x + 10, ry + 3, '', { size: 's', color: COLOR.dim }),
        status: addText(scene, x + w - 8, ry + 3, '', { size: 's', bold: true }).setOrigin(1, 0),
        body: addText(scene, x + 10, ry + 3 + lineHeight('s'), '', { size: 'm' }),
        key: '',
        postId: undefined,
      };
      bg.on('pointerdown', () => {
        if (row.postId !== undefined) onPick(undefined, row.postId);
      });
      this.rows.push(row);
    }
  }

  private readonly names: Map<FeedTab, string>;

  /** Scrolls so that list position `index` is on screen. */
  reveal(index: number): void {
    if (index < 0) return;
    if (index < this.top) this.top = index;
    else if (index >= this.top + this.rows.length) this.top = index - this.rows.length + 1;
  }

  render(model: FeedModel, tab: FeedTab, view: FeedView, selected: number | null, linkFrom: number | null, focused: boolean, now: number): number[] {
    const total = model.length(tab, view);
    this.top = Math.max(0, Math.min(this.top, Math.max(0, total - this.rows.length)));
    const tabKey = `${tab}|${view}|${this.tabs.map((t) => model.openCount(t.tab)).join(',')}`;
    if (tabKey !== this.tabKey) {
      this.tabKey = tabKey;
      for (const t of this.tabs) {
        const active = t.tab === tab;
        t.text.setText(`${active ? '▸ ' : ''}${this.names.get(t.tab)} (${model.openCount(t.tab)})`);
        t.text.setColor(css(active ? COLOR.text : COLOR.dim));
        t.bg.setFillStyle(active ? COLOR.panelRaised : COLOR.panel).setStrokeStyle(active ? 2 : 1, active ? COLOR.accent : COLOR.line);
      }
      this.header.setText(
        view === 'live'
          ? `LIVE: every post, newest first · ${total} · (n) = open · F queue · ←→ tab`
          : `QUEUE: open posts, oldest first · ${total} · F live · ←→ tab`,
      );
    }
    const shown: number[] = [];
    this.rows.forEach((row, i) => {
      const id = model.at(tab, view, this.top + i);
      const p = id === undefined ? undefined : model.post(id);
      row.postId = p?.id;
      if (p) shown.push(p.id);
      const isSelected = p !== undefined && p.id === selected;
      const isLink = p !== undefined && p.id === linkFrom;
      const fresh = p !== undefined && now - p.t < FRESH_SECONDS;
      const age = p ? Math.floor((now - p.t) / 60) : 0;
      const key = p
        ? `${p.id}|${p.status}|${p.inDm}|${p.replies.length}|${p.escalatedTo.length}|${p.triage?.category ?? ''}|${p.linkedTo ?? ''}|${age}|${isSelected}|${isLink}|${focused}|${fresh}`
        : '';
      if (key === row.key) return;
      row.key = key;
      row.bg.setVisible(p !== undefined);
      row.fresh.setVisible(fresh);
      if (!p) {
        row.meta.setText('');
        row.status.setText('');
        row.body.setText(i === 0 ? (view === 'queue' ? 'Nothing waiting on this channel.' : 'No posts yet.') : '');
        row.body.setColor(css(COLOR.dim));
        return;
      }
      row.bg.setFillStyle(isSelected ? 0x2b3b4f : isLink ? 0x3a3020 : COLOR.panel);
      row.bg.setStrokeStyle(isSelected ? (focused ? 3 : 2) : 1, isSelected ? (focused ? COLOR.focus : COLOR.accent) : COLOR.line);
      const flags = p.flags.map((f) => `⚠ ${FLAG_LABEL[f]}`).join(' ');
      const reach = p.author.followers >= 10_000 ? ' ★' : '';
      const thread = p.threadId !== p.id ? ` ↳#${p.threadId}` : '';
      row.meta.setText(`${isSelected ? '▸ ' : ''}#${p.id}${thread} ${p.author.handle} · ${formatFollowers(p.author.followers)}${reach} · ${formatDuration(now - p.t)} ago ${flags}`);
      row.meta.setColor(css(flags ? COLOR.warn : COLOR.dim));
      const extra = [p.inDm ? 'DM' : '', p.escalatedTo.length ? '↑ESC' : '', p.linkedTo !== undefined ? '⇄ LINKED' : '', isLink ? 'LINKING' : ''].filter(Boolean).join(' ');
      row.status.setText(`${extra ? `${extra} ` : ''}${STATUS_LABEL[p.status]}`);
      row.status.setColor(css(p.status === 'open' ? COLOR.warn : p.status === 'deleted' ? COLOR.bad : p.status === 'hidden' ? COLOR.dim : COLOR.good));
      const text = p.text.length > this.bodyChars ? `${p.text.slice(0, this.bodyChars - 1)}…` : p.text;
      row.body.setText(text);
      row.body.setColor(css(p.status === 'open' ? COLOR.text : COLOR.dim));
    });
    return shown;
  }
}
