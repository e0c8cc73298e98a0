import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/core/index';

/**
 * Identity of a run for idempotent storage: sha256 of the canonical record. Stronger
 * than the core's short scenario digest because this key decides whether a submission
 * is "the same run" as one already stored.
 */
export function runHash(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}
