import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

/** Where a field is written in the YAML text, so every problem can name its line and column. */

export type Segment = string | number;
export type Where = { line: number; column: number };
export type Locate = (path: Segment[], target?: 'value' | 'key') => Where;

/**
 * Maps a data path to where it is written. Scalars point at the value; a mapping or
 * list that is the value of a key points at that key's line; a path that does not
 * exist (a missing field) points at the deepest part that does: the parent mapping.
 */
export function locator(doc: Document, at: (offset: number) => Where): Locate {
  return (path, target = 'value') => {
    let node: unknown = doc.contents;
    let keyNode: YamlNode | undefined;
    for (const segment of path) {
      const next = child(node, segment);
      if (!next) break;
      node = next.value;
      keyNode = next.key;
    }
    const start = (n: unknown): number | undefined => {
      const range = (n as YamlNode | null | undefined)?.range;
      return range ? range[0] : undefined;
    };
    const isWrittenScalar = isScalar(node) && (node.source ?? '') !== '' && node.value !== null;
    const preferKey = target === 'key' || !(isWrittenScalar || isAlias(node));
    const offset = (preferKey ? start(keyNode) : undefined) ?? start(node) ?? start(keyNode) ?? 0;
    return at(offset);
  };
}

function child(node: unknown, segment: Segment): { key?: YamlNode; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
    return pair ? { key: pair.key as YamlNode, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    return segment < node.items.length ? { value: node.items[segment] } : undefined;
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (isCollection(key)) return undefined;
  return key === null || key === undefined ? undefined : String(key);
}

/** "a.b[0].c" */
export function dotted(path: Segment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
