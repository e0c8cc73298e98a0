import { loadScenario } from '../../core/index';

/**
 * The YAML loader for scenarios the server serves, kept behind a dynamic `import()` so
 * the parser is fetched only when the server has a scenario the bundle lacks.
 */
export { loadScenario };
