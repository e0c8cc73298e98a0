/** The shipped scenarios, validated at build time by build-plugins/bundled-scenarios.plugin.ts. */
declare module 'virtual:bundled-scenarios' {
  const compiled: {
    entries: (import('../../core/scenario/scenario.catalogue').CatalogueEntry & { id: string })[];
    /** Broken shipped files, as "file:line:column field: message" lines. */
    problems: string[];
  };
  export default compiled;
}
