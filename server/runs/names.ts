import { normaliseName } from '../../src/api/index';

/** The key names group and compare by: case-folded, so "Ana" and "ANA" are one player. */
export function nameKey(name: string): string {
  return normaliseName(name).toLocaleLowerCase('en-US');
}
