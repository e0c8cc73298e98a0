// From the module without schemas: importing the index would bundle every schema into the game.
import { NAME_MAX } from '../../api/names';
import type { KeyValueStore } from './run-queue';

/** The display name and team a player submits under; no account, just this browser. */
export interface Profile {
  name: string;
  team: string;
}

const KEY = 'surge-drill.profile';
export { NAME_MAX };

export class ProfileStore {
  private value: Profile;

  constructor(private readonly store: KeyValueStore) {
    this.value = { name: '', team: '' };
    try {
      const raw = store.getItem(KEY);
      if (raw) {
        const parsed = JSON.parse(raw) as Partial<Profile>;
        this.value = { name: String(parsed.name ?? '').slice(0, NAME_MAX), team: String(parsed.team ?? '').slice(0, NAME_MAX) };
      }
    } catch {
      // An unreadable profile is only a name: start blank rather than refuse to play.
    }
  }

  get(): Profile {
    return { ...this.value };
  }

  set(profile: Profile): void {
    this.value = { name: profile.name.trim().slice(0, NAME_MAX), team: profile.team.trim().slice(0, NAME_MAX) };
    this.store.setItem(KEY, JSON.stringify(this.value));
  }
}
