import type { Outcome, RunRecord, SimState } from '../core/index';
import type { Announcer } from './a11y/announcer';
import type { AudioService } from './audio/audio.service';
import type { AutosaveStore } from './run/autosave.store';
import type { LaunchParams } from './run/launch-params';
import type { RunController } from './run/run-controller';
import type { Catalog, CatalogEntry } from './run/scenario-catalog';
import type { SettingsStore } from './settings/settings.store';

/** A finished run, as the debrief shows it. */
export interface FinishedRun {
  entry: CatalogEntry;
  mode: RunController['mode'];
  seed: number;
  speed: number;
  record: RunRecord;
  outcome: Outcome;
  state: SimState;
  /** Set when this is someone's shared run opened from its address, not the player's own. */
  shared?: { player: string; team: string | null };
}

/** What the desk exposes about its own screen, read-only, for tests and tools. */
export interface DeskView {
  selectedPostId: number | null;
  tab: string;
  view: 'live' | 'queue';
  dialog: string | null;
  overlay: string | null;
  status: string;
  visiblePostIds: number[];
  /** Visible game objects on the desk by type (Text, Rectangle, Graphics): what a frame draws. */
  objects: Record<string, number>;
  /** Every visible canvas text with its box and font size in design pixels (1280×720), for the layout check. */
  canvasTexts: { text: string; x: number; y: number; w: number; h: number; px: number }[];
  /** Every visible rectangle's box in design pixels, so the render bench's baseline fills the same area. */
  rectangles: { x: number; y: number; w: number; h: number }[];
}

/** The one place scenes share state: the run in play, the last finished run, timings. */
export class Session {
  scene = 'boot';
  run: RunController | undefined;
  finished: FinishedRun | undefined;
  desk: (() => DeskView) | undefined;
  /** Problems to show on the menu once (a corrupt save, bad URL parameters, broken scenario files). */
  notices: string[] = [];
  readonly timings: { bootMs?: number; menuMs?: number; deskFirstFrameMs?: number } = {};
}

/** Everything a scene needs, created once by `startGame` and handed to every scene. */
export interface GameServices {
  settings: SettingsStore;
  catalog: Catalog;
  /** Settles once the server's scenarios have joined the catalogue (or the server could not be asked). */
  catalogReady: Promise<void>;
  audio: AudioService;
  announcer: Announcer;
  autosave: AutosaveStore;
  launch: LaunchParams;
  session: Session;
}
