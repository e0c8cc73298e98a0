import { z } from 'zod';

/** What the player can set; all of it persists in localStorage. */
export const settingsSchema = z.strictObject({
  /** 0 … 100, in steps of 10. */
  volume: z.number().int().min(0).max(100),
  muted: z.boolean(),
  /** No sliding, shaking or flashing. */
  reducedMotion: z.boolean(),
  textSize: z.enum(['normal', 'large', 'larger']),
});

export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_KEY = 'surge-drill.settings.v1';

export function defaultSettings(prefersReducedMotion: boolean): Settings {
  return { volume: 70, muted: false, reducedMotion: prefersReducedMotion, textSize: 'normal' };
}

/**
 * Loads, validates, saves and broadcasts the settings. Unreadable stored
 * settings fall back to the defaults and leave a message for the menu to show.
 */
export class SettingsStore {
  private value: Settings;
  private readonly listeners = new Set<(s: Settings) => void>();
  /** Why stored settings could not be used, if they could not. */
  readonly problem: string | undefined;

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'>,
    defaults: Settings,
  ) {
    const raw = storage.getItem(SETTINGS_KEY);
    let problem: string | undefined;
    let value = defaults;
    if (raw !== null) {
      try {
        const parsed = settingsSchema.safeParse(JSON.parse(raw));
        if (parsed.success) value = parsed.data;
        else problem = `Saved settings were not valid (${parsed.error.issues[0]!.path.join('.') || 'settings'}: ${parsed.error.issues[0]!.message}); defaults restored.`;
      } catch {
        problem = 'Saved settings were unreadable; defaults restored.';
      }
    }
    this.value = value;
    this.problem = problem;
  }

  get(): Settings {
    return { ...this.value };
  }

  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.value, ...patch });
    this.value = next;
    try {
      this.storage.setItem(SETTINGS_KEY, JSON.stringify(next));
    } catch {
      // Storage full or blocked (private mode): the settings still apply for this visit.
    }
    for (const l of this.listeners) l(this.get());
    return this.get();
  }

  subscribe(listener: (s: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
