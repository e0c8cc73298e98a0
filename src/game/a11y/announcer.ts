/**
 * Speaks to screen readers through ARIA live regions beside the canvas: polite
 * for the flow of events, assertive for what needs action now (a breach, a
 * deadline about to pass). Keeps a short history so tests and tools can read
 * what was said.
 */
export class Announcer {
  private readonly history: string[] = [];
  private lastText = '';
  private lastAt = -Infinity;

  constructor(
    private readonly polite: HTMLElement | null,
    private readonly assertive: HTMLElement | null,
    private readonly now: () => number = () => performance.now(),
  ) {}

  say(message: string, urgent = false): void {
    // The same sentence twice within a second is one event seen twice (e.g. two frames).
    const t = this.now();
    if (message === this.lastText && t - this.lastAt < 1000) return;
    this.lastText = message;
    this.lastAt = t;
    this.history.push(message);
    if (this.history.length > 200) this.history.splice(0, this.history.length - 200);
    if (urgent && this.assertive) {
      // Re-setting the text makes the region announce even a repeated message.
      this.assertive.textContent = '';
      this.assertive.textContent = message;
    } else if (this.polite) {
      const p = document.createElement('p');
      p.textContent = message;
      this.polite.append(p);
      while (this.polite.childElementCount > 5) this.polite.firstElementChild!.remove();
    }
  }

  /** Everything announced so far (last 200), oldest first. */
  said(): string[] {
    return [...this.history];
  }
}
