import { el } from '../reading/dom';
import { keepPointerFromCanvas } from '../ui/dom-events';
import { counterText, limitNotice } from './char-limit';
import { COMPOSER_CSS } from './composer-styles';
import type { DraftStore } from './drafts';
import { insertAtCaret } from './insert-at-caret';

/** A phrase the trainee can drop into the text at the caret, then edit. */
export interface QuickInsert {
  label: string;
  text: () => string;
}

/** A choice made beside the text (the role an escalation goes to). */
export interface ComposerChoice {
  legend: string;
  options: { id: string; label: string }[];
  value: string;
}

/** What one composer writes: a public reply, a DM, the holding statement or an escalation note. */
export interface ComposerSpec {
  /** Short name the automation hook reports ('reply', 'dm', 'statement', 'escalate'). */
  name: string;
  title: string;
  /** One line under the title: what this does and what it costs. */
  subtitle: string;
  /** What is being answered (the post, or the facts to write from), kept in sight beside the text. */
  beside: HTMLElement;
  besideLabel: string;
  fieldLabel: string;
  /** One line under the text box: conventions to keep (a sign-off, privacy). */
  fieldHint?: string;
  maxChars: number;
  minChars: number;
  draftKey: string;
  /** The text to start from when there is no draft. */
  startText?: string;
  inserts: QuickInsert[];
  choice?: ComposerChoice;
  sendLabel: string;
  /** Sends the text; returns the core's rejection to keep the composer open, or undefined once sent. */
  onSend: (text: string, choice: string | undefined) => string | undefined;
}

/** How a composer closed: sent, closed with its words kept as a draft, or discarded on purpose. */
export type ComposerOutcome = 'sent' | 'kept' | 'discarded';

export interface ComposerHost {
  /** The canvas the composer covers, so it follows the game's size and place. */
  canvas: HTMLCanvasElement;
  /** The text-size setting's factor (1, 1.15, 1.3). */
  textScale: number;
  drafts: DraftStore;
  onClose: (outcome: ComposerOutcome, spec: ComposerSpec) => void;
}

const STYLE_ID = 'composer-styles';
/** The composer's largest size in CSS px: on a big window a wider box only makes lines too long to read. */
const MAX_WIDTH_PX = 1100;
const MAX_HEIGHT_PX = 640;

/**
 * The composer: an accessible text box over the canvas, in a modal `<dialog>` (the
 * browser makes the rest of the page inert and keeps focus inside). The post being
 * answered stays beside the box; phrase blocks are quick inserts that put editable
 * words at the caret; a counter shows the length and speaks near the limit.
 * Ctrl/⌘+Enter sends, Esc closes and keeps the words as a draft, Discard drops them.
 * Keys typed here never reach the game.
 */
export class Composer {
  private readonly dialog: HTMLDialogElement;
  private readonly text: HTMLTextAreaElement;
  private readonly counter: HTMLElement;
  private readonly live: HTMLElement;
  private readonly error: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly radios: HTMLInputElement[] = [];
  private readonly previousFocus: Element | null;
  private readonly onResize = () => this.place();
  private lastLength: number;
  private closed = false;

  constructor(
    readonly spec: ComposerSpec,
    private readonly host: ComposerHost,
  ) {
    if (!document.getElementById(STYLE_ID)) document.head.append(el('style', { id: STYLE_ID }, COMPOSER_CSS));
    this.previousFocus = document.activeElement;
    this.text = el('textarea', { id: 'cz-text', class: 'cz-text', 'aria-describedby': 'cz-count cz-hint cz-keys', spellcheck: 'true', rows: '6' });
    this.text.value = host.drafts.get(spec.draftKey) ?? spec.startText ?? '';
    this.lastLength = this.text.value.length;
    this.counter = el('p', { id: 'cz-count', class: 'cz-count' });
    this.live = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    this.error = el('p', { class: 'cz-error', role: 'alert' });
    this.sendButton = el('button', { type: 'submit', class: 'cz-send' }, `${spec.sendLabel} (Ctrl+Enter)`);
    this.dialog = el(
      'dialog',
      { id: 'composer', class: 'cz', 'aria-labelledby': 'cz-title', 'aria-describedby': 'cz-sub', 'data-composer': spec.name },
      el('header', { class: 'cz-head' }, el('h2', { id: 'cz-title' }, spec.title), el('p', { id: 'cz-sub', class: 'cz-dim' }, spec.subtitle)),
      el('div', { class: 'cz-body' }, this.besidePane(), this.form()),
      this.live,
    );
    this.dialog.style.setProperty('--cz-text', String(host.textScale));
    this.dialog.addEventListener('keydown', (e) => this.onKey(e));
    // Keys typed here are the composer's, not the game's (its key router listens on the window).
    this.dialog.addEventListener('keyup', (e) => e.stopPropagation());
    this.dialog.addEventListener('cancel', (e) => e.preventDefault());
    this.text.addEventListener('input', () => this.onInput());
    keepPointerFromCanvas(this.dialog);
    (document.querySelector('main') ?? document.body).append(this.dialog);
    window.addEventListener('resize', this.onResize);
    this.place();
    this.dialog.showModal();
    this.refreshCounter();
    this.focusStart();
  }

  private besidePane(): HTMLElement {
    const pane = el('section', { class: 'cz-beside', 'aria-label': this.spec.besideLabel, tabindex: '0' }, this.spec.beside);
    return pane;
  }

  private form(): HTMLElement {
    const { spec } = this;
    const form = el('form', { class: 'cz-form', 'aria-label': spec.title });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.send();
    });
    if (spec.choice) form.append(this.choiceGroup(spec.choice));
    form.append(
      el('label', { for: 'cz-text', class: 'cz-label' }, spec.fieldLabel),
      this.text,
      el('div', { class: 'cz-meta' }, this.counter, el('p', { id: 'cz-hint', class: 'cz-dim' }, spec.fieldHint ?? '')),
    );
    if (spec.inserts.length > 0) form.append(this.insertBar(spec.inserts));
    const keep = el('button', { type: 'button' }, 'Close, keep draft (Esc)');
    keep.addEventListener('click', () => this.close('kept'));
    const discard = el('button', { type: 'button', class: 'cz-discard' }, 'Discard');
    discard.addEventListener('click', () => this.close('discarded'));
    form.append(
      this.error,
      el('div', { class: 'cz-buttons' }, this.sendButton, keep, discard),
      el('p', { id: 'cz-keys', class: 'cz-dim cz-keys' }, 'Ctrl+Enter (⌘+Enter) sends · Esc closes and keeps your draft · Tab reaches the quick inserts'),
    );
    return form;
  }

  private choiceGroup(choice: ComposerChoice): HTMLElement {
    const set = el('fieldset', { class: 'cz-choice' }, el('legend', {}, `${choice.legend} (↑ ↓ or 1–${choice.options.length})`));
    for (const o of choice.options) {
      const input = el('input', { type: 'radio', name: 'cz-choice', value: o.id });
      input.checked = o.id === choice.value;
      this.radios.push(input);
      set.append(el('label', { class: 'cz-option' }, input, ` ${o.label}`));
    }
    return set;
  }

  private insertBar(inserts: QuickInsert[]): HTMLElement {
    const bar = el('div', { class: 'cz-inserts', role: 'group', 'aria-label': 'Quick inserts: each puts editable words at the caret' }, el('span', { class: 'cz-dim', 'aria-hidden': 'true' }, 'Insert:'));
    for (const q of inserts) {
      const b = el('button', { type: 'button', class: 'cz-insert' }, q.label);
      // Keep the caret where it was: a pressed button would otherwise take focus first.
      b.addEventListener('mousedown', (e) => e.preventDefault());
      b.addEventListener('click', () => this.insert(q.text()));
      bar.append(b);
    }
    return bar;
  }

  /** Puts a phrase at the caret (or over the selection) and leaves the caret after it. */
  insert(phrase: string): void {
    const edit = insertAtCaret(this.text.value, this.text.selectionStart, this.text.selectionEnd, phrase);
    this.text.value = edit.value;
    this.text.focus();
    this.text.setSelectionRange(edit.caret, edit.caret);
    this.onInput();
  }

  private onKey(e: KeyboardEvent): void {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close('kept');
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.send();
    } else if (this.radios.includes(e.target as HTMLInputElement) && /^[1-9]$/.test(e.key)) {
      const radio = this.radios[Number(e.key) - 1];
      if (radio) {
        e.preventDefault();
        radio.checked = true;
        radio.focus();
      }
    }
  }

  private onInput(): void {
    const n = this.text.value.length;
    const notice = limitNotice(this.lastLength, n, this.spec.maxChars);
    this.lastLength = n;
    if (notice) this.live.textContent = notice;
    this.error.textContent = '';
    this.host.drafts.keep(this.spec.draftKey, this.text.value);
    this.refreshCounter();
  }

  private refreshCounter(): void {
    const n = this.text.value.length;
    this.counter.textContent = counterText(n, this.spec.maxChars);
    this.counter.classList.toggle('cz-over', n > this.spec.maxChars);
    this.counter.classList.toggle('cz-near', n <= this.spec.maxChars && this.spec.maxChars - n <= 100);
  }

  private send(): void {
    const text = this.text.value.trim();
    const problem =
      text.length < this.spec.minChars
        ? `Write at least ${this.spec.minChars} characters first.`
        : text.length > this.spec.maxChars
          ? `Too long by ${text.length - this.spec.maxChars} characters: shorten it to ${this.spec.maxChars}.`
          : this.spec.onSend(text, this.radios.find((r) => r.checked)?.value);
    if (problem) {
      this.error.textContent = problem;
      return;
    }
    this.close('sent');
  }

  /** Closes the composer: a sent or discarded text leaves no draft; a closed one keeps it. */
  close(outcome: ComposerOutcome): void {
    if (this.closed) return;
    this.closed = true;
    if (outcome === 'kept') this.host.drafts.keep(this.spec.draftKey, this.text.value);
    else this.host.drafts.discard(this.spec.draftKey);
    window.removeEventListener('resize', this.onResize);
    this.dialog.close();
    this.dialog.remove();
    if (this.previousFocus instanceof HTMLElement) this.previousFocus.focus();
    this.host.onClose(outcome, this.spec);
  }

  private focusStart(): void {
    const checked = this.radios.find((r) => r.checked);
    if (checked) {
      checked.focus();
      return;
    }
    this.text.focus();
    const end = this.text.value.length;
    this.text.setSelectionRange(end, end);
  }

  /** Sits centred over the canvas, as large as the canvas up to its largest size. */
  place(): void {
    const r = this.host.canvas.getBoundingClientRect();
    const w = Math.min(r.width, MAX_WIDTH_PX);
    const h = Math.min(r.height, MAX_HEIGHT_PX);
    const s = this.dialog.style;
    s.left = `${r.left + (r.width - w) / 2}px`;
    s.top = `${r.top + (r.height - h) / 2}px`;
    s.width = `${w}px`;
    s.height = `${h}px`;
  }
}
