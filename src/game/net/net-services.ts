import { createApiClient, type ApiClient } from './api-client';
import type { DrillTrainee } from './drill-trainee';
import { ProfileStore } from './profile.store';
import { RankedAttempts } from './ranked-attempts';
import { RunQueue } from './run-queue';

/**
 * The game's connection to the server, shared by every scene: the API client, the
 * queue of runs waiting to be sent, the player's name and team, ranked attempts, and
 * the drill this browser is in (as a trainee), if any.
 */
export interface NetServices {
  api: ApiClient;
  queue: RunQueue;
  profile: ProfileStore;
  ranked: RankedAttempts;
  drill: DrillTrainee | undefined;
}

let instance: NetServices | undefined;

export function netServices(): NetServices {
  if (!instance) {
    const api = createApiClient();
    const queue = new RunQueue(window.localStorage, api);
    const profile = new ProfileStore(window.localStorage);
    queue.onSecrets = (issued) => profile.remember(issued);
    instance = { api, queue, profile, ranked: new RankedAttempts(window.localStorage, api, queue, profile), drill: undefined };
  }
  return instance;
}
