import '../../game/zod-without-eval';
import { balanceReport, balanceSeed, loadScenario, type BalanceSeed } from '../../core/index';
import { DRAFT_LABEL } from '../editor/draft-check';
import type { BalanceMessage, BalanceRequest } from './balance-messages';

/**
 * Plays every bot on seeds 1…N off the page's thread, reporting after each seed, so the
 * page keeps answering keys while a long scenario plays. One request per worker: the
 * page ends the worker to cancel.
 */

const post = (m: BalanceMessage) => self.postMessage(m);

self.onmessage = (event: MessageEvent<BalanceRequest>) => {
  const { yaml, seeds } = event.data;
  const loaded = loadScenario(yaml, DRAFT_LABEL);
  if (!loaded.ok) {
    post({ type: 'failed', reason: `the draft has ${loaded.problems.length} problem(s); fix them first` });
    return;
  }
  const played: BalanceSeed[] = [];
  post({ type: 'progress', done: 0, total: seeds });
  for (let seed = 1; seed <= seeds; seed++) {
    played.push(balanceSeed(loaded.scenario, seed));
    post({ type: 'progress', done: seed, total: seeds });
  }
  post({ type: 'report', report: balanceReport(loaded.scenario, played) });
};
