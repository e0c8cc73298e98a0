/**
 * What the judge reads from the brand's earlier statements, kept by their text: a shift's history
 * is compared with every new reply, so each statement is read once, not once a reply.
 */

/** Texts kept per cache before it is emptied, so memory stays bounded over a long run of replays. */
const EARLIER_TEXT_CACHE_LIMIT = 5_000;

/** `compute`, remembered by its text argument. */
export function cachedByText<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= EARLIER_TEXT_CACHE_LIMIT) cache.clear();
      value = compute(text);
      cache.set(text, value);
    }
    return value;
  };
}
