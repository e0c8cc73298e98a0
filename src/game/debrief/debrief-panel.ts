import type { Debrief, Outcome, Scenario, SimState } from '../../core/index';
import { DEBRIEF_CSS } from './debrief-styles';
import { el } from './dom';
import { lessonView } from './lesson-view';
import { yourWordsView } from './your-words';

/** Where the panel sits on the 1280×720 canvas, in game units. */
export interface PanelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

const GAME_WIDTH = 1280;
/** Panel text size at 1280 px of canvas width; it scales with the canvas. */
const BASE_FONT_PX = 15;
/** Never smaller than this, however small the window. */
const MIN_FONT_PX = 12;
const STYLE_ID = 'debrief-styles';

/**
 * The debrief's lessons as an HTML region laid over the canvas: retry tips first,
 * then lessons worst first, the trainee's own words as the judge read them, then the
 * score breakdown. It follows the canvas as the window resizes and is removed with
 * the scene.
 */
export class DebriefPanel {
  readonly root: HTMLElement;
  private readonly lessons: HTMLElement[] = [];
  private readonly onResize = () => this.place();

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly box: PanelBox,
    debrief: Debrief,
    outcome: Outcome,
    scenario: Scenario,
    state: SimState,
  ) {
    if (!document.getElementById(STYLE_ID)) document.head.append(el('style', { id: STYLE_ID }, DEBRIEF_CSS));
    this.root = el('section', { id: 'debrief-lessons', class: 'debrief-panel', 'aria-label': 'Debrief: lessons from this shift', tabindex: '0' });
    this.root.append(
      el('h2', {}, `Score ${outcome.score} of 100, grade ${outcome.grade}`),
      el('p', {}, outcome.narrative),
      ...this.tips(debrief),
      el('h2', {}, `Lessons, worst first (${debrief.lessons.length}${debrief.moreLessons > 0 ? ` of ${debrief.lessons.length + debrief.moreLessons}` : ''})`),
    );
    debrief.lessons.forEach((lesson, i) => {
      const view = lessonView(lesson, i, scenario);
      this.lessons.push(view);
      this.root.append(view);
    });
    if (debrief.moreLessons > 0) this.root.append(el('p', { class: 'dim' }, `${debrief.moreLessons} smaller lesson${debrief.moreLessons === 1 ? '' : 's'} not shown: fix these first.`));
    this.root.append(...yourWordsView(state, scenario));
    this.root.append(el('h2', {}, 'Score breakdown'), breakdownTable(outcome));
    document.body.append(this.root);
    window.addEventListener('resize', this.onResize);
    this.place();
  }

  private tips(debrief: Debrief): HTMLElement[] {
    const out: HTMLElement[] = [];
    if (debrief.retryTips.length > 0) out.push(el('h2', {}, 'Three things to fix on a retry'), list(debrief.retryTips));
    if (debrief.better.length > 0) out.push(el('h2', {}, 'What would have made it better'), list(debrief.better));
    return out;
  }

  /** Lines the panel up with its box on the canvas, at the canvas's current scale. */
  place(): void {
    const r = this.canvas.getBoundingClientRect();
    const k = r.width / GAME_WIDTH;
    const s = this.root.style;
    s.left = `${r.left + this.box.x * k}px`;
    s.top = `${r.top + this.box.y * k}px`;
    s.width = `${this.box.w * k}px`;
    s.height = `${this.box.h * k}px`;
    s.fontSize = `${Math.max(MIN_FONT_PX, BASE_FONT_PX * k)}px`;
  }

  /** Moves focus to the next or previous lesson and brings it into view. */
  focusLesson(delta: 1 | -1): void {
    if (this.lessons.length === 0) return;
    const at = this.lessons.indexOf(document.activeElement as HTMLElement);
    const next = at < 0 ? (delta > 0 ? 0 : this.lessons.length - 1) : Math.min(this.lessons.length - 1, Math.max(0, at + delta));
    this.lessons[next]!.focus();
    this.lessons[next]!.scrollIntoView({ block: 'nearest' });
  }

  scrollPage(delta: 1 | -1): void {
    this.root.scrollBy({ top: delta * this.root.clientHeight * 0.9 });
  }

  destroy(): void {
    window.removeEventListener('resize', this.onResize);
    this.root.remove();
  }
}

function list(items: string[]): HTMLElement {
  const ol = el('ol', { class: 'tips' });
  for (const t of items) ol.append(el('li', {}, t));
  return ol;
}

function breakdownTable(outcome: Outcome): HTMLElement {
  const table = el('table', { class: 'breakdown' });
  table.append(el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Part'), el('th', { scope: 'col' }, 'Score'), el('th', { scope: 'col' }, 'Weight'), el('th', { scope: 'col' }, 'Why'))));
  const body = el('tbody');
  for (const c of outcome.breakdown) body.append(el('tr', {}, el('th', { scope: 'row' }, c.label), el('td', {}, `${c.score}/100`), el('td', {}, String(c.weight)), el('td', {}, c.why)));
  table.append(body);
  return table;
}
