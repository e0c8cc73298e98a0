/**
 * Posts the guideline's hints name ("Post #10 needs HR by 11:46"), in the order
 * the hints give them, without repeats. The hints are the core's own words, so
 * the desk jumps to exactly what the panel shows.
 */
export function namedPostIds(hints: readonly string[]): number[] {
  const ids: number[] = [];
  for (const h of hints) {
    for (const m of h.matchAll(/#(\d+)\b/g)) {
      const id = Number(m[1]);
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/** The named post after `current` (wrapping), so pressing the jump key again visits the next one. */
export function nextNamedPost(ids: readonly number[], current: number | null): number | undefined {
  if (ids.length === 0) return undefined;
  const i = current === null ? -1 : ids.indexOf(current);
  return ids[(i + 1) % ids.length];
}
