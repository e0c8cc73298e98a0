import { outlineText, type GuidelineOutline } from './guideline-outline';

/**
 * Draws the guideline's escalation machine as SVG: the levels top to bottom as states,
 * an arrow into each labelled with its entry criteria, each level's obligations beside
 * it with a deadline, and the forbidden practices as a band below. The SVG is one image
 * to assistive technology; the same outline follows as a list of sentences.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 560;
const MARGIN = 10;
const STATE_WIDTH = 200;
const DUTY_X = STATE_WIDTH + 2 * MARGIN + 10;
const LINE_HEIGHT = 17;
const ARROW_GAP = 14;
/** Rough characters per line at the drawing's 13 px font: SVG text does not wrap by itself. */
const STATE_CHARS = 26;
const DUTY_CHARS = 42;
const BAND_CHARS = 72;
const COLOURS = { state: '#e8f0fa', stateLine: '#0b5cad', text: '#14181d', dim: '#4a5562', duty: '#7a4a00', forbid: '#b3261e', band: '#fbeceb' } as const;

export function renderGuidelineDrawing(container: HTMLElement, outline: GuidelineOutline): void {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `The guideline "${outline.title}" drawn as its escalation machine; the same in words follows.`);
  svg.setAttribute('font-size', '13');
  svg.setAttribute('font-family', 'system-ui, "DejaVu Sans", sans-serif');
  svg.append(arrowHead());
  let y = MARGIN;
  outline.levels.forEach((level, i) => {
    if (i > 0) y = drawEntry(svg, y, level.entry);
    const nameLines = wrap(level.name, STATE_CHARS);
    const dutyLines = level.obligations.flatMap((d) => wrap(`${d.rule} ${d.duty}, within ${d.withinMinutes} min`, DUTY_CHARS));
    const height = Math.max(nameLines.length, dutyLines.length, 1) * LINE_HEIGHT + 2 * MARGIN;
    svg.append(el('rect', { x: MARGIN, y, width: STATE_WIDTH, height, rx: 10, fill: COLOURS.state, stroke: COLOURS.stateLine, 'stroke-width': 2 }));
    svg.append(textBlock(nameLines, MARGIN + 10, y + MARGIN, COLOURS.text, 'bold'));
    if (dutyLines.length) svg.append(textBlock(dutyLines, DUTY_X, y + MARGIN, COLOURS.duty));
    else svg.append(textBlock(['no new duties'], DUTY_X, y + MARGIN, COLOURS.dim));
    y += height;
  });
  if (outline.forbidden.length) y = drawForbidden(svg, y + ARROW_GAP, outline.forbidden);
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${y + MARGIN}`);

  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'The guideline in words';
  const list = document.createElement('ul');
  for (const line of outlineText(outline)) list.append(Object.assign(document.createElement('li'), { textContent: line }));
  details.append(summary, list);
  container.replaceChildren(svg, details);
}

/** The arrow into a level, labelled with the criteria that lead there. */
function drawEntry(svg: SVGSVGElement, y: number, entry: string[]): number {
  const label = wrap(entry.length ? `when ${entry.join('; or ')}` : 'nothing leads here', DUTY_CHARS + 10);
  const height = label.length * LINE_HEIGHT + 2 * ARROW_GAP;
  const x = MARGIN + STATE_WIDTH / 2;
  svg.append(el('line', { x1: x, y1: y, x2: x, y2: y + height - 2, stroke: COLOURS.stateLine, 'stroke-width': 2, 'marker-end': 'url(#st-arrow)' }));
  svg.append(textBlock(label, x + 12, y + ARROW_GAP, COLOURS.dim, 'normal', 'italic'));
  return y + height;
}

function drawForbidden(svg: SVGSVGElement, y: number, forbidden: { rule: string; text: string }[]): number {
  const lines = ['Forbidden at every level:', ...forbidden.flatMap((f) => wrap(`✕ ${f.rule} ${f.text}`, BAND_CHARS))];
  const height = lines.length * LINE_HEIGHT + 2 * MARGIN;
  svg.append(el('rect', { x: MARGIN, y, width: WIDTH - 2 * MARGIN, height, rx: 6, fill: COLOURS.band, stroke: COLOURS.forbid }));
  svg.append(textBlock(lines, MARGIN + 10, y + MARGIN, COLOURS.forbid));
  return y + height;
}

function textBlock(lines: string[], x: number, top: number, fill: string, weight = 'normal', style = 'normal'): SVGTextElement {
  const text = el('text', { x, y: top, fill, 'font-weight': weight, 'font-style': style }) as SVGTextElement;
  lines.forEach((line, i) => {
    const span = el('tspan', { x, dy: i === 0 ? LINE_HEIGHT - 4 : LINE_HEIGHT });
    span.textContent = line;
    text.append(span);
  });
  return text;
}

function arrowHead(): SVGDefsElement {
  const defs = el('defs', {}) as SVGDefsElement;
  const marker = el('marker', { id: 'st-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
  marker.append(el('path', { d: 'M0,0 L10,5 L0,10 z', fill: COLOURS.stateLine }));
  defs.append(marker);
  return defs;
}

function el(name: string, attrs: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Greedy word wrap by characters; a single long word stays whole. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
