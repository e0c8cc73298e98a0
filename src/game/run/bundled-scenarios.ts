/**
 * The scenario files shipped in the build, as raw YAML text keyed by path.
 * Vite inlines them at build time, so the game needs no request to load them.
 */
export const bundledScenarioFiles = import.meta.glob('/scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
