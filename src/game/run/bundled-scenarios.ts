import compiled from 'virtual:bundled-scenarios';
import { catalogOf, type Catalog } from './scenario-catalog';

/**
 * The scenario files shipped in the build, loaded and validated when the game was built
 * (build-plugins/bundled-scenarios.plugin.ts): the game needs neither the YAML parser nor
 * a request to start one.
 */
export function bundledCatalog(): Catalog {
  return catalogOf(compiled.entries, compiled.problems);
}
