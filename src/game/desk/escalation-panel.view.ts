import type Phaser from 'phaser';
import type { ObligationState } from '../../core/index';
import type { RunController } from '../run/run-controller';
import { Button } from '../ui/button';
import { addPanel, addText, COLOR, css, lineHeight } from '../ui/theme';
import { formatDuration } from './labels';

/**
 * The escalation panel: the level the desk has declared, the guideline's
 * obligations with their countdowns, the desk-wide measures taken, and (in
 * practice and tutorial) what the guideline asks for right now.
 */
export class EscalationPanel {
  readonly declareButton: Button;
  private readonly level: Phaser.GameObjects.Text;
  private readonly obligations: Phaser.GameObjects.Text[] = [];
  private readonly obligationsTop: number;
  private readonly measures: Phaser.GameObjects.Text;
  private readonly hints: Phaser.GameObjects.Text;
  private key = '';
  private hintKey = -1;
  private readonly bottom: number;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    w: number,
    h: number,
    private readonly run: RunController,
    onDeclare: () => void,
    private readonly coaching: boolean,
  ) {
    addPanel(scene, x, y, w, h);
    const pad = 12;
    addText(scene, x + pad, y + pad, 'DECLARED LEVEL', { size: 'xs', color: COLOR.dim });
    this.level = addText(scene, x + pad, y + pad + lineHeight('xs'), '', { size: 'l', bold: true, wrap: w - 2 * pad });
    const by = y + pad + lineHeight('xs') + lineHeight('l') * 2 + 4;
    this.declareButton = new Button(scene, x + pad, by, w - 2 * pad, lineHeight('m') + 10, 'Declare level', onDeclare, { hotkey: 'V' });
    const oy = by + lineHeight('m') + 20;
    addText(scene, x + pad, oy, 'OBLIGATIONS', { size: 'xs', color: COLOR.dim });
    this.obligationsTop = oy + lineHeight('xs') + 2;
    for (let i = 0; i < run.sim.obligations().length + 1; i++) {
      this.obligations.push(addText(scene, x + pad, this.obligationsTop, '', { size: 's', wrap: w - 2 * pad }));
    }
    this.measures = addText(scene, x + pad, y + h * 0.55, '', { size: 's', color: COLOR.dim, wrap: w - 2 * pad });
    this.hints = addText(scene, x + pad, y + h * 0.7, '', { size: 's', color: COLOR.focus, wrap: w - 2 * pad });
    this.bottom = y + h - 6;
  }

  render(): void {
    const sim = this.run.sim;
    const s = sim.state;
    const minute = Math.floor(s.t / 60);
    const obligations = sim.obligations();
    const key = `${minute}|${s.declaredLevel}|${obligations.map((o) => o.status).join()}|${s.holdingStatementAt}|${s.promotionsPausedAt}|${s.team.extra}|${s.team.pending.length}|${s.rootCause.escalatedAt}|${s.rootCause.fixedAt}`;
    if (key !== this.key) {
      this.key = key;
      const levels = sim.scenario.guideline.levels;
      this.level.setText(`${levels[s.declaredLevel]!.name}`);
      let oy = this.obligationsTop;
      const rows: { text: string; status: ObligationState['status'] }[] = obligations
        .filter((o) => o.status !== 'waiting')
        .map((o) => ({ text: this.line(o, s.t), status: o.status }));
      const waiting = obligations.filter((o) => o.status === 'waiting').map((o) => o.rule);
      // Obligations not yet due share one line; G shows the guideline in full.
      if (waiting.length) rows.push({ text: `○ not due yet: ${waiting.join(', ')}`, status: 'waiting' });
      if (rows.length === 0) rows.push({ text: 'This guideline sets no deadlines.', status: 'waiting' });
      this.obligations.forEach((text, i) => {
        const row = rows[i];
        text.setVisible(row !== undefined);
        if (!row) return;
        text.setText(row.text).setColor(this.colorFor(row.status)).setY(oy);
        oy += text.height + 3;
      });
      const measures = [
        s.holdingStatementAt !== undefined ? `✓ Holding statement out since ${sim.clock(s.holdingStatementAt)}` : '○ No holding statement yet [S]',
        sim.scenario.promotions ? (s.promotionsPausedAt !== undefined ? `✓ Promotions paused at ${sim.clock(s.promotionsPausedAt)}` : '○ Promotions still scheduled [M]') : '',
        s.rootCause.fixedAt !== undefined ? `✓ Root cause fixed at ${sim.clock(s.rootCause.fixedAt)}` : s.rootCause.escalatedAt !== undefined ? `… Root cause with its owner since ${sim.clock(s.rootCause.escalatedAt)}` : '',
      ].filter(Boolean);
      this.measures.setText(measures.join('\n')).setY(oy + 8);
      this.placeHints();
    }
    // Hints are worked out by the core and change slowly; ask for them once per sim minute.
    if (this.coaching && minute !== this.hintKey) {
      this.hintKey = minute;
      const hints = sim.currentRequirements().slice(0, 4);
      this.hints.setText(hints.length ? `WHAT THE GUIDELINE ASKS NOW\n${hints.map((h) => `• ${h}`).join('\n')}` : '');
      this.placeHints();
    }
  }

  /** Hints fill the space left under the measures, cut to whole lines. */
  private placeHints(): void {
    const top = this.measures.y + this.measures.height + 12;
    this.hints.setY(top);
    this.hints.setMaxLines(Math.max(1, Math.floor((this.bottom - top) / lineHeight('s'))));
  }

  /** Forces the hints to refresh after an action. */
  refresh(): void {
    this.key = '';
    this.hintKey = -1;
  }

  private line(o: ObligationState, t: number): string {
    switch (o.status) {
      // Only open obligations spell out their text; the others fit on one line.
      case 'waiting':
        return `○ ${o.rule} ${o.text}`;
      case 'open': {
        const left = (o.deadline ?? t) - t;
        return `◷ ${o.rule} ${o.text.replace(/[.\s]+$/, '')} — due ${this.run.sim.clock(o.deadline)}, ${formatDuration(left)} left`;
      }
      case 'met':
        return `✓ ${o.rule} met at ${this.run.sim.clock(o.doneAt)}`;
      case 'metLate':
        return `✓ ${o.rule} met late, ${this.run.sim.clock(o.doneAt)}`;
      case 'missed':
        return `✗ ${o.rule} MISSED`;
    }
  }

  private colorFor(status: ObligationState['status']): string {
    return css(status === 'open' ? COLOR.warn : status === 'missed' ? COLOR.bad : status === 'waiting' ? COLOR.dim : COLOR.good);
  }
}
