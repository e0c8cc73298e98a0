import type { BalanceReport } from '../../core/index';

/** What the page and the balance worker say to each other. */

export interface BalanceRequest {
  yaml: string;
  seeds: number;
}

export type BalanceMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'report'; report: BalanceReport }
  /** The draft did not load (the page only starts a run on a loadable draft, so this is a race with typing). */
  | { type: 'failed'; reason: string };

/** Seeds a report may play: enough to see a pattern, few enough to finish in seconds. */
export const SEEDS_MIN = 1;
export const SEEDS_MAX = 20;
export const SEEDS_DEFAULT = 5;
