// From the module without schemas: importing the index would bundle every schema into the game.
import { NAME_MAX } from '../../api/names';
import type { KeyValueStore } from './run-queue';

/**
 * The display name and team a player submits under, and the secrets that prove
 * them: no account, just this browser. The claim key opens the name (the server
 * answered it to the name's first verified run); the team code opens the team.
 */
export interface Profile {
  name: string;
  team: string;
  claimKey: string;
  teamCode: string;
}

/** A secret the server just issued: shown to the player once, in a dialog, to save elsewhere. */
export interface Reveal {
  kind: 'claimKey' | 'teamCode';
  /** The player or team name it opens. */
  name: string;
  secret: string;
}

/** What a verified run's answer may carry: the secrets of the names it claimed. */
export interface IssuedSecrets {
  player: string;
  team?: string | undefined;
  claimKey?: string | undefined;
  teamCode?: string | undefined;
}

const KEY = 'surge-drill.profile';
/** Long enough for any key or code the server issues (26 characters and dashes). */
const SECRET_MAX = 64;
export { NAME_MAX };

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const text = (value: unknown, max: number) => String(value ?? '').slice(0, max);

export class ProfileStore {
  private value: Profile;
  private reveals: Reveal[] = [];

  constructor(private readonly store: KeyValueStore) {
    this.value = { name: '', team: '', claimKey: '', teamCode: '' };
    try {
      const raw = store.getItem(KEY);
      if (raw) {
        const parsed = JSON.parse(raw) as Partial<Profile> & { reveals?: Reveal[] };
        this.value = {
          name: text(parsed.name, NAME_MAX),
          team: text(parsed.team, NAME_MAX),
          claimKey: text(parsed.claimKey, SECRET_MAX),
          teamCode: text(parsed.teamCode, SECRET_MAX),
        };
        this.reveals = Array.isArray(parsed.reveals) ? parsed.reveals.filter((r) => typeof r?.secret === 'string') : [];
      }
    } catch {
      // An unreadable profile is only a name: start blank rather than refuse to play.
    }
  }

  get(): Profile {
    return { ...this.value };
  }

  /** Saves the profile; a secret left out is kept only while its name stays the same. */
  set(profile: Partial<Profile> & Pick<Profile, 'name' | 'team'>): void {
    const name = profile.name.trim().slice(0, NAME_MAX);
    const team = profile.team.trim().slice(0, NAME_MAX);
    this.value = {
      name,
      team,
      claimKey: (profile.claimKey ?? (sameName(name, this.value.name) ? this.value.claimKey : '')).trim().slice(0, SECRET_MAX),
      teamCode: (profile.teamCode ?? (sameName(team, this.value.team) ? this.value.teamCode : '')).trim().slice(0, SECRET_MAX),
    };
    this.persist();
  }

  /**
   * Keeps the secrets a verified run (or a new team) was given, for this profile's
   * later runs, and queues them to be shown once. Kept before they are shown, so a
   * reload between the answer and the dialog loses nothing.
   */
  remember(issued: IssuedSecrets): void {
    if (issued.claimKey) {
      if (sameName(issued.player, this.value.name)) this.value.claimKey = issued.claimKey;
      this.reveals.push({ kind: 'claimKey', name: issued.player, secret: issued.claimKey });
    }
    if (issued.teamCode && issued.team) {
      if (sameName(issued.team, this.value.team)) this.value.teamCode = issued.teamCode;
      this.reveals.push({ kind: 'teamCode', name: issued.team, secret: issued.teamCode });
    }
    this.persist();
  }

  /** Secrets not yet shown to the player. */
  pendingReveals(): readonly Reveal[] {
    return this.reveals;
  }

  /** The player has seen (and had the chance to copy) this secret. */
  revealed(reveal: Reveal): void {
    this.reveals = this.reveals.filter((r) => r.secret !== reveal.secret);
    this.persist();
  }

  private persist(): void {
    this.store.setItem(KEY, JSON.stringify({ ...this.value, reveals: this.reveals }));
  }
}
