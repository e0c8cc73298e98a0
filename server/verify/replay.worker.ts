import { parentPort, workerData } from 'node:worker_threads';
import { obligationsOf, replay, replayUntil, runFigures, type Scenario } from '../../src/core/index';
import type { ReplayReply, ReplayRequest } from './replay.pool';

/**
 * Runs in a worker thread: re-simulates run records with the core so a long
 * replay never blocks the server's event loop. Scenarios arrive once, at start.
 */
const scenarios = new Map<string, { scenario: Scenario; hash: string }>((workerData as { entries: [string, { scenario: Scenario; hash: string }][] }).entries);
const port = parentPort!;

port.on('message', ({ id, record, until }: ReplayRequest) => {
  let reply: ReplayReply;
  try {
    const lookup = (scenarioId: string) => scenarios.get(scenarioId);
    const result = until === undefined ? replay(record, lookup) : replayUntil(record, lookup, until);
    const scenario = result.ok ? scenarios.get(result.record.scenarioId)!.scenario : undefined;
    reply = result.ok
      ? {
          id,
          ok: true,
          record: result.record,
          outcome: result.outcome,
          obligations: obligationsOf(scenario!, result.state.guideline).map((o) => ({ id: o.id, rule: o.rule, text: o.text, status: o.status })),
          firedInjects: result.state.firedInjects,
          figures: runFigures(scenario!, result.state),
        }
      : { id, ok: false, code: result.code, message: result.message };
  } catch (err) {
    // A throw is a core bug, not a bad record: report it as a server error.
    reply = { id, ok: false, code: 'server/error', message: (err as Error).stack ?? String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
