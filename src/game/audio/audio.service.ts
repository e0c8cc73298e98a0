import { Howl, Howler } from 'howler';
import type { Settings } from '../settings/settings.store';
import { SOUND_NAMES, type SoundName } from './sound-files';

/** At most this many new-post ticks per real second: beyond it a surge is a texture, not a count. */
const MAX_TICKS_PER_SECOND = 10;

/**
 * The game's sound, through Howler. Browsers allow audio only after a user
 * gesture, and creating an AudioContext earlier logs a warning, so nothing is
 * created until `unlock()` is called from the first key press or click. Mute and
 * volume come from the settings and apply at once.
 */
export class AudioService {
  private urls: Partial<Record<SoundName, string>> = {};
  private howls: Partial<Record<SoundName, Howl>> = {};
  private unlocked = false;
  private settings: Settings;
  private ambienceOn = false;
  private intensity = 0;
  private tickBudget = MAX_TICKS_PER_SECOND;
  private lastBudgetAt = 0;
  /** Sounds started, by name, for testers. Effects are not started while muted; the ambience loop runs silent under the global mute. */
  private readonly playedCount: Partial<Record<SoundName, number>> = {};

  constructor(settings: Settings) {
    this.settings = settings;
  }

  /** Sound data loaded by the preloader, as object URLs (so Howler does not fetch again). */
  provide(urls: Partial<Record<SoundName, string>>): void {
    this.urls = { ...this.urls, ...urls };
    if (this.unlocked) this.createHowls();
  }

  unlock(): void {
    if (this.unlocked) return;
    this.unlocked = true;
    this.apply(this.settings);
    this.createHowls();
  }

  apply(settings: Settings): void {
    this.settings = settings;
    if (!this.unlocked) return;
    Howler.volume(settings.volume / 100);
    Howler.mute(settings.muted);
  }

  play(name: Exclude<SoundName, 'ambience' | 'tick'>): void {
    if (!this.audible()) return;
    const howl = this.howls[name];
    if (!howl) return;
    howl.play();
    this.count(name);
  }

  /** What the audio is doing, for the automation hook. */
  status(): { unlocked: boolean; loaded: SoundName[]; volume: number; muted: boolean; played: Partial<Record<SoundName, number>> } {
    return {
      unlocked: this.unlocked,
      loaded: SOUND_NAMES.filter((n) => this.howls[n]?.state() === 'loaded'),
      volume: this.settings.volume,
      muted: this.settings.muted,
      played: { ...this.playedCount },
    };
  }

  private count(name: SoundName): void {
    this.playedCount[name] = (this.playedCount[name] ?? 0) + 1;
  }

  /** New posts arrived; ticks get brighter and louder with the surge. */
  ticks(count: number, nowMs: number): void {
    if (!this.audible() || count <= 0) return;
    if (nowMs - this.lastBudgetAt >= 1000) {
      this.tickBudget = MAX_TICKS_PER_SECOND;
      this.lastBudgetAt = nowMs;
    }
    const howl = this.howls.tick;
    if (!howl) return;
    const n = Math.min(count, this.tickBudget, 3);
    this.tickBudget -= n;
    for (let i = 0; i < n; i++) {
      const id = howl.play();
      howl.rate(1 + 0.6 * this.intensity + 0.05 * i, id);
      howl.volume(0.25 + 0.5 * this.intensity, id);
      this.count('tick');
    }
  }

  /** 0 (a normal day) … 1 (a full surge): raises the room's noise. */
  setIntensity(intensity: number): void {
    this.intensity = Math.max(0, Math.min(1, intensity));
    const amb = this.howls.ambience;
    if (amb && this.ambienceOn) {
      amb.volume(0.25 + 0.55 * this.intensity);
      amb.rate(1 + 0.12 * this.intensity);
    }
  }

  setAmbience(on: boolean): void {
    this.ambienceOn = on;
    const amb = this.howls.ambience;
    if (!amb) return;
    if (on && !amb.playing()) {
      amb.volume(0.25 + 0.55 * this.intensity);
      amb.play();
      this.count('ambience');
    } else if (!on) amb.stop();
  }

  private audible(): boolean {
    return this.unlocked && !this.settings.muted && this.settings.volume > 0;
  }

  private createHowls(): void {
    for (const name of SOUND_NAMES) {
      const src = this.urls[name];
      if (!src || this.howls[name]) continue;
      this.howls[name] = new Howl({ src: [src], format: ['wav'], loop: name === 'ambience', preload: true });
    }
    if (this.ambienceOn) this.setAmbience(true);
  }
}
