/**
 * The composer's character counter. The visible counter ("412 / 1000") is not a live
 * region (it would speak on every key); a separate polite message is spoken only when
 * the text crosses one of the thresholds below on its way up, or goes over the limit.
 */

/** Characters left at which a screen reader hears how many remain. */
export const LEFT_WARNINGS = [100, 20] as const;

export function counterText(length: number, max: number): string {
  return length > max ? `${length} / ${max} — ${length - max} over` : `${length} / ${max}`;
}

/** What to say politely after the text went from `before` to `after` characters, if anything. */
export function limitNotice(before: number, after: number, max: number): string | undefined {
  if (after > max && before <= max) return `Over the limit by ${after - max} characters: shorten the text to send it.`;
  if (after > before) {
    for (const left of LEFT_WARNINGS) if (max - after <= left && max - before > left) return `${max - after} characters left.`;
  }
  return undefined;
}
