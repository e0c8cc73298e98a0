import { parentPort, workerData } from 'node:worker_threads';
import { obligationsOf, replay, replayUntil, runFigures, type Scenario } from '../../src/core/index';
import type { ReplayReply, ReplayRequest } from './replay.pool';

/**
 * Runs in a worker thread: re-simulates run records with the core so a long
 * replay never blocks the server's event loop. The scenarios read at start arrive
 * with the worker; any other kept version arrives with its first replay and is kept.
 */
type Version = { scenario: Scenario; hash: string };
const startup = new Map<string, Version>((workerData as { entries: [string, Version][] }).entries);
const versions = new Map<string, Version>();
for (const [id, version] of startup) versions.set(`${id}@${version.hash}`, version);

function versionFor(request: ReplayRequest): ((id: string) => Version | undefined) {
  if (request.scenario) versions.set(`${request.scenario.id}@${request.scenario.hash}`, { scenario: request.scenario.scenario, hash: request.scenario.hash });
  const named = request.scenario ?? request.version;
  if (!named) return (id) => startup.get(id);
  const version = versions.get(`${named.id}@${named.hash}`);
  return (id) => (id === named.id ? version : undefined);
}
const port = parentPort!;

port.on('message', (request: ReplayRequest) => {
  const { id, record, until } = request;
  let reply: ReplayReply;
  try {
    const lookup = versionFor(request);
    const result = until === undefined ? replay(record, lookup) : replayUntil(record, lookup, until);
    const scenario = result.ok ? lookup(result.record.scenarioId)!.scenario : undefined;
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
