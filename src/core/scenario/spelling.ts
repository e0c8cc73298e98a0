/** Spelling help for messages: "did you mean", and lists of the names a field allows. */

/** Up to this many defined ids are listed in a message; beyond it, only the closest one is suggested. */
export const LISTED_IDS_MAX = 8;

/** The closest allowed name, if the slip is small (case slips, up to two edits). */
export function suggestion(name: string, known: Iterable<string>): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, candidate);
    if (d <= 2 && (!best || d < best.d)) best = { name: candidate, d };
  }
  return best?.name;
}

/** "(known: a, b, c)" for a few ids, "(12 defined; did you mean "b"?)" for many. */
export function knownList(name: string, known: ReadonlySet<string> | readonly string[], quote: (id: string) => string = (id) => id): string {
  const ids = [...known];
  if (ids.length <= LISTED_IDS_MAX) return `(known: ${ids.map(quote).join(', ') || 'none'})`;
  const hint = suggestion(name, ids);
  return `(${ids.length} defined${hint ? `; did you mean ${quote(hint)}?` : ''})`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
