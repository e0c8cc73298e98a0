import alertUrl from '../../../assets/sounds/alert.wav?url';
import ambienceUrl from '../../../assets/sounds/ambience.wav?url';
import levelUrl from '../../../assets/sounds/level.wav?url';
import outcomeGoodUrl from '../../../assets/sounds/outcome-good.wav?url';
import outcomePoorUrl from '../../../assets/sounds/outcome-poor.wav?url';
import stampUrl from '../../../assets/sounds/stamp.wav?url';
import tickUrl from '../../../assets/sounds/tick.wav?url';

/** The generated sounds (assets/sounds/generate.ts), fingerprinted into the build by Vite. */
export const SOUND_FILES = {
  tick: tickUrl,
  alert: alertUrl,
  level: levelUrl,
  stamp: stampUrl,
  outcomeGood: outcomeGoodUrl,
  outcomePoor: outcomePoorUrl,
  ambience: ambienceUrl,
} as const;

export type SoundName = keyof typeof SOUND_FILES;
export const SOUND_NAMES = Object.keys(SOUND_FILES) as SoundName[];
