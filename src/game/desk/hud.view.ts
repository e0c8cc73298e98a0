import type Phaser from 'phaser';
import type { MetricSample } from '../../core/index';
import type { RunController } from '../run/run-controller';
import { formatSpeed } from '../run/pace';
import { drawSparkline } from '../ui/sparkline';
import { addPanel, addText, COLOR, lineHeight, showText } from '../ui/theme';

/** Samples (one per sim minute) drawn in each sparkline. */
const SPARK_SAMPLES = 90;

interface Metric {
  label: Phaser.GameObjects.Text;
  value: Phaser.GameObjects.Text;
  spark?: Phaser.GameObjects.Graphics;
  x: number;
}

/**
 * The head-up display: clock, sentiment, Goodwill Index, backlog, service
 * level, team capacity and the surge forecast, with sparklines of the last
 * hour and a half. Values change once per sim minute, and so does the drawing.
 */
export class Hud {
  private readonly clock: Phaser.GameObjects.Text;
  private readonly ends: Phaser.GameObjects.Text;
  private readonly metrics: Record<'sentiment' | 'goodwill' | 'backlog' | 'service' | 'team' | 'forecast', Metric>;
  private readonly mode: Phaser.GameObjects.Text;
  private samples = -1;
  private key = '';
  private readonly sparkY: number;
  private readonly sparkW = 100;
  private readonly sparkH = 18;

  constructor(scene: Phaser.Scene, private readonly run: RunController) {
    const h = 74;
    addPanel(scene, 0, 0, 1280, h, COLOR.panel);
    this.clock = addText(scene, 16, 6, '', { size: 'xl', bold: true, mono: true });
    this.ends = addText(scene, 16, 8 + lineHeight('xl'), '', { size: 'xs', color: COLOR.dim });
    const labelY = 6;
    const valueY = labelY + lineHeight('xs');
    this.sparkY = valueY + lineHeight('m') + 4;
    const make = (x: number, label: string, spark: boolean): Metric => ({
      label: addText(scene, x, labelY, label, { size: 'xs', color: COLOR.dim }),
      value: addText(scene, x, valueY, '', { size: 'm', bold: true }),
      ...(spark ? { spark: scene.add.graphics() } : {}),
      x,
    });
    this.metrics = {
      // Mood is how the recent posts feel; goodwill is the brand's standing, which good handling raises
      // even while the crowd is still angry: the labels say which is which so the two never seem to contradict.
      sentiment: make(176, 'MOOD OF POSTS', true),
      goodwill: make(326, 'GOODWILL', true),
      backlog: make(446, 'UNANSWERED', true),
      service: make(566, 'ROUTINE SVC', true),
      forecast: make(676, 'FORECAST', true),
      team: make(826, 'TEAM', false),
    };
    this.mode = addText(scene, 1268, 10, '', { size: 'xs', bold: true, align: 'right' }).setOrigin(1, 0);
  }

  render(): void {
    const sim = this.run.sim;
    const s = sim.state;
    const history = s.history;
    const last = history[history.length - 1];
    const modeText = `${this.run.mode.toUpperCase()} · ${formatSpeed(this.run.speed)}${this.run.paused ? ' · PAUSED' : ''}\n${this.run.canPause ? 'P pause · +/− speed' : `no pause in ${this.run.rules.pausedBy === 'trainer' ? 'a drill' : 'ranked'}`}`;
    const busy = s.trainee.busyUntil > s.t ? `busy until ${sim.clock(s.trainee.busyUntil)}` : '';
    const key = `${s.t}|${history.length}|${modeText}|${s.team.extra}|${s.team.pending.length}|${busy}`;
    if (key === this.key) return;
    this.key = key;
    // The key moves every sim step, the words mostly once a sim minute: showText redraws only what changed.
    showText(this.clock, sim.clock());
    showText(this.ends, busy ? `you are ${busy}` : `shift ends ${sim.clock(s.endT)}`, busy ? COLOR.warn : COLOR.dim);
    showText(this.mode, modeText);
    if (!last) return;
    const m = this.metrics;
    const sent = last.sentiment / 100;
    showText(m.sentiment.value, `${sent >= 0 ? '+' : '−'}${Math.abs(sent).toFixed(2)} ${sent <= -0.5 ? 'angry' : sent < 0 ? 'sour' : 'calm'}`, sent <= -0.5 ? COLOR.bad : sent < 0 ? COLOR.warn : COLOR.good);
    showText(m.goodwill.value, `${last.goodwill}/100`, last.goodwill < 50 ? COLOR.bad : last.goodwill < 65 ? COLOR.warn : COLOR.good);
    showText(m.backlog.value, `${last.backlog}`, last.backlog > 60 ? COLOR.bad : last.backlog > 25 ? COLOR.warn : COLOR.text);
    showText(m.service.value, `${last.serviceLevel}%`, last.serviceLevel < 70 ? COLOR.bad : last.serviceLevel < 85 ? COLOR.warn : COLOR.good);
    const team = s.team;
    const capacity = (team.agents + team.extra) * sim.scenario.team.postsPerAgentHour;
    const arriving = team.pending.reduce((n, p) => n + p.count, 0);
    const agents = team.agents + team.extra;
    showText(m.team.value, `${agents} agent${agents === 1 ? '' : 's'}, ${capacity}/h`);
    showText(m.team.label, arriving ? `TEAM (+${arriving} at ${sim.clock(team.pending[0]!.at)})` : 'TEAM');
    const forecast = sim.forecastNextHour();
    const trend = forecast > last.arrivalsLastHour * 1.1 ? '▲ rising' : forecast < last.arrivalsLastHour * 0.9 ? '▼ easing' : '▶ steady';
    showText(m.forecast.value, `${forecast}/h ${trend.slice(0, 1)}`, trend.startsWith('▲') ? COLOR.warn : COLOR.text);
    showText(m.forecast.label, `FORECAST, ${trend.slice(2)}`);
    if (history.length !== this.samples) {
      this.samples = history.length;
      const recent = history.slice(-SPARK_SAMPLES);
      const series = (f: (x: MetricSample) => number) => recent.map(f);
      const draw = (metric: Metric, values: number[], color: number, range?: [number, number]) =>
        drawSparkline(metric.spark!, metric.x, this.sparkY, this.sparkW, this.sparkH, values, color, range);
      draw(m.sentiment, series((x) => x.sentiment), COLOR.warn, [-200, 200]);
      draw(m.goodwill, series((x) => x.goodwill), COLOR.good, [0, 100]);
      draw(m.backlog, series((x) => x.backlog), COLOR.bad);
      draw(m.service, series((x) => x.serviceLevel), COLOR.accent, [0, 100]);
      draw(m.forecast, series((x) => x.arrivalsLastHour), COLOR.focus);
    }
  }
}
