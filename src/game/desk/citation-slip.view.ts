import type { Breach, KeyMoment } from '../../core/index';
import { el } from '../reading/dom';
import type { Region } from '../reading/reading-layer';
import { keepPointerFromCanvas } from '../ui/dom-events';
import { HEIGHT, WIDTH } from '../ui/theme';
import { markedNodes, markSegments } from '../ui/marked-text';
import { excerptAround, noteGaps, type CitedWords } from './citation-words';

/** Real milliseconds a citation stays on the desk. */
const SHOW_MS = 6000;
/** Goodwill one breach costs (the core's BREACH_GOODWILL), as the slip states it. */
const GOODWILL_PER_BREACH = 4;
const STYLE_ID = 'citation-slip-styles';
/** Paper and ink of a slip (contrast over 7:1); the cited words marked in the desk's focus yellow. */
const SLIP_CSS = `
.cs { position: fixed; z-index: 3; box-sizing: border-box; overflow: hidden; cursor: pointer; padding: 8px 12px;
  background: #f4ecd8; color: #2b2118; border: 3px solid #c0392b; border-radius: 3px; box-shadow: 0 6px 18px rgba(0,0,0,.5);
  font: calc(14px * var(--cs-text, 1)) / 1.35 system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; overflow-wrap: anywhere; }
.cs[hidden] { display: none; }
.cs h2, .cs p, .cs blockquote, .cs ul { margin: 0 0 4px; }
.cs-rules { padding-left: 1.1em; }
.cs-heading { font-size: 1.07em; color: #9b1c1c; }
.cs-quote { font-style: italic; border-left: 3px solid #c0392b; padding-left: 6px; }
.cs-quote[hidden] { display: none; }
.cs mark { background: #ffd166; color: #1a222b; font-style: normal; font-weight: 700; }
.cs-footer { font-size: max(12px, 0.86em); color: #5a4a3a; }
.cs.cs-slide.cs-in { animation: cs-slide-in 180ms ease-out; }
@keyframes cs-slide-in { from { transform: translateX(60px); } to { transform: none; } }
`;

/**
 * The citation slip, after *Papers, Please*: the moment a rule is broken a slip
 * lands on the desk naming the rule ("Guideline 4.1: …"), quoting the trainee's own
 * words with the ones that broke it marked, and saying what it cost. Breaches of one
 * text share a slip; a later one replaces it, with a count. DOM over the canvas, so the
 * quote wraps and the marked words are real `<mark>`s.
 */
export class CitationSlip {
  readonly root: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly rules: HTMLElement;
  private readonly quote: HTMLElement;
  private readonly footer: HTMLElement;
  private readonly onResize = () => this.place();
  private hideAt = 0;
  private count = 0;
  /** The text (post and moment) the slip is about, and its breaches so far. */
  private key = '';
  private breaches: Breach[] = [];
  private words: CitedWords | undefined;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly region: Region,
    textScale: number,
    private readonly reducedMotion: () => boolean,
  ) {
    if (!document.getElementById(STYLE_ID)) document.head.append(el('style', { id: STYLE_ID }, SLIP_CSS));
    this.heading = el('h2', { class: 'cs-heading' });
    this.rules = el('ul', { class: 'cs-rules' });
    this.quote = el('blockquote', { class: 'cs-quote' });
    this.footer = el('p', { class: 'cs-footer' });
    this.root = el('section', { id: 'citation-slip', class: 'cs', 'aria-label': 'Citation', hidden: '' }, this.heading, this.rules, this.quote, this.footer);
    this.root.style.setProperty('--cs-text', String(textScale));
    this.root.addEventListener('click', () => this.dismiss());
    keepPointerFromCanvas(this.root);
    (document.querySelector('main') ?? document.body).append(this.root);
    window.addEventListener('resize', this.onResize);
    this.place();
  }

  /**
   * Lands a citation. Breaches the same text committed at once (a reply that asks for
   * a booking reference and forgets the sign-off) share one slip: each rule named, the
   * words quoted once with every cited span marked.
   */
  show(breach: Breach, clock: string, now: number, words: CitedWords | undefined): void {
    const key = `${breach.t}|${breach.postId ?? 'desk'}`;
    if (this.root.hidden || key !== this.key) {
      this.key = key;
      this.breaches = [];
      this.words = undefined;
    }
    this.breaches.push(breach);
    if (words) this.words = this.words && this.words.text === words.text ? { text: words.text, spans: [...this.words.spans, ...words.spans] } : words;
    this.count = this.root.hidden ? 1 : this.count + 1;
    this.hideAt = now + SHOW_MS;
    this.render(clock);
    this.root.hidden = false;
    // Slides in from the right (CSS): seen out of the corner of the eye while working the feed.
    this.root.classList.toggle('cs-slide', !this.reducedMotion());
    this.root.classList.remove('cs-in');
    void this.root.offsetWidth;
    this.root.classList.add('cs-in');
  }

  /**
   * Lands a role's questions about an unclear escalation note (a key moment of kind
   * "note"): what the note left out, the note with the words that did their job marked,
   * and what the questions cost. Not a breach, so no goodwill is named.
   */
  showQuestions(moment: KeyMoment, clock: string, now: number, words: CitedWords | undefined): void {
    this.key = `note|${moment.t}`;
    this.breaches = [];
    this.words = undefined;
    this.count = 0;
    this.hideAt = now + SHOW_MS;
    this.heading.textContent = `↩ ${moment.title}`;
    this.rules.replaceChildren(el('li', {}, `${noteGaps(moment)}.`), el('li', {}, moment.guideline));
    this.quote.hidden = words === undefined;
    if (words) {
      const cut = excerptAround(words);
      this.quote.replaceChildren('You wrote: “', ...markedNodes(markSegments(cut.text, cut.spans)), '”');
    }
    this.footer.textContent = `${clock} · ${moment.consequence} · click to dismiss`;
    this.root.hidden = false;
  }

  private render(clock: string): void {
    const ruleOf = (b: Breach) => (b.rule === 'practice' ? 'Good practice' : `Guideline ${b.rule}`);
    const first = this.breaches[0]!;
    this.heading.textContent = this.breaches.length === 1 ? `✗ CITATION — ${ruleOf(first)}` : `✗ ${this.breaches.length} CITATIONS`;
    this.rules.replaceChildren(...this.breaches.map((b) => el('li', {}, this.breaches.length === 1 ? b.text : `${ruleOf(b)}: ${b.text}`)));
    this.quote.hidden = this.words === undefined;
    if (this.words) {
      const cut = excerptAround(this.words);
      this.quote.replaceChildren('You wrote: “', ...markedNodes(markSegments(cut.text, cut.spans)), '”');
    }
    const more = this.count > this.breaches.length ? ` · ${this.count} citations just now` : '';
    this.footer.textContent = `${first.postId !== undefined ? `Post #${first.postId} · ` : ''}${clock} · goodwill −${GOODWILL_PER_BREACH * this.breaches.length}${more} · click to dismiss`;
  }

  update(now: number): void {
    if (!this.root.hidden && now >= this.hideAt) this.dismiss();
  }

  dismiss(): void {
    this.root.hidden = true;
    this.count = 0;
  }

  /** Lines the slip up with its place on the canvas (over the escalation panel). */
  place(): void {
    const r = this.canvas.getBoundingClientRect();
    const sx = r.width / WIDTH;
    const sy = r.height / HEIGHT;
    const s = this.root.style;
    s.left = `${r.left + this.region.x * sx}px`;
    s.top = `${r.top + this.region.y * sy}px`;
    s.width = `${this.region.w * sx}px`;
    s.maxHeight = `${this.region.h * sy}px`;
  }

  destroy(): void {
    window.removeEventListener('resize', this.onResize);
    this.root.remove();
  }
}
