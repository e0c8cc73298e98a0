import { stringify } from 'yaml';
import { CROSS_FIELD_RULES, IN_PLAY, LINT_CODES, LINT_DESCRIPTIONS, scenarioJsonSchema } from '../src/core/index';

/**
 * Renders `docs/scenario-format.md` from the scenario JSON Schema, which is itself made
 * from the zod schema's descriptions: one source for the loader, editors and this page.
 * Written here rather than with @adobe/jsonschema2md, which writes a page per sub-schema
 * in its own layout and could not set the effect on play apart from the meaning, nor
 * add the rules across fields and the warnings that JSON Schema cannot hold.
 */

type JsonSchema = {
  type?: string;
  description?: string;
  examples?: unknown[];
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  title?: string;
};

interface Field {
  path: string;
  key: string;
  schema: JsonSchema;
  required: boolean;
}

export const SCHEMA_FILE = 'scenarios/scenario.schema.json';
export const REFERENCE_FILE = 'docs/scenario-format.md';

/** The JSON Schema file's text: stable key order as zod emits it, two-space indent, final newline. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export function renderReference(): string {
  const root = scenarioJsonSchema() as JsonSchema;
  const fields = collect(root, '', []);
  const sections = Object.keys(root.properties ?? {});
  const lines = [
    '# The scenario format (version 1)',
    '',
    '<!-- Generated from src/core/scenario/*.schema.ts by `npm run scenario:docs`; edit the schema, not this file. -->',
    '',
    root.description ?? '',
    '',
    'A scenario is one YAML file in `scenarios/`, named after its `id`. Start it with',
    '`# yaml-language-server: $schema=./scenario.schema.json` so that editors with YAML support',
    '(VS Code\'s YAML extension, JetBrains IDEs, Neovim with yaml-language-server) complete and check it as you type.',
    'Then run `npx surge-drill check FILE` for the rules a JSON Schema cannot express and the warnings below,',
    'and `npx surge-drill balance FILE` to let the bots play it.',
    '',
    '## Contents',
    '',
    ...sections.map((s) => `- [\`${s}\`](#${anchor(s)})`),
    '- [Rules across fields](#rules-across-fields)',
    '- [Warnings](#warnings)',
    '',
  ];
  for (const field of fields) lines.push(...renderField(field));
  lines.push('## Rules across fields', '', 'Checked by the loader (`surge-drill check`, the game and the server); JSON Schema cannot express them.', '');
  lines.push(...CROSS_FIELD_RULES.map((r) => `- ${r}`), '');
  lines.push('## Warnings', '', 'Valid, but probably not what was meant: `check` shows them as `warning: … [code]` and exits 0 (1 with `--strict`).');
  lines.push('A comment `# surge-drill: allow CODE (reason)` in the file accepts one for that file.', '');
  lines.push(...LINT_CODES.map((code) => `- \`${code}\`: ${LINT_DESCRIPTIONS[code]}`), '');
  return lines.join('\n');
}

/** Every field, depth first, in the order the schema declares them. */
function collect(schema: JsonSchema, path: string, out: Field[]): Field[] {
  const required = new Set(schema.required ?? []);
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const childPath = path ? `${path}.${key}` : key;
    out.push({ path: childPath, key, schema: child, required: required.has(key) });
    const inner = elementOf(child);
    if (inner?.properties) collect(inner, `${childPath}[]`, out);
    else if (child.properties) collect(child, childPath, out);
    else if (typeof child.additionalProperties === 'object') {
      out.push({ path: `${childPath}.<name>`, key: '<name>', schema: child.additionalProperties, required: false });
    }
  }
  return out;
}

function elementOf(schema: JsonSchema): JsonSchema | undefined {
  return schema.type === 'array' && schema.items && !schema.prefixItems ? schema.items : undefined;
}

function renderField(f: Field): string[] {
  const s = f.schema;
  const [meaning, effect] = (s.description ?? '').split(IN_PLAY);
  const depth = f.path.split('.').length;
  const lines = [`${depth === 1 ? '##' : '###'} \`${f.path}\``, ''];
  if (meaning) lines.push(meaning, '');
  const facts = [`**Type:** ${typeOf(s)}`, `**${f.required ? 'Required' : 'Optional'}**`];
  const limits = limitsOf(s);
  if (limits) facts.push(`**Limits:** ${limits}`);
  if (s.default !== undefined) facts.push(`**Default:** ${inline(s.default)}`);
  lines.push(facts.join(' · '), '');
  if (effect) lines.push(`**In play:** ${effect}`, '');
  const example = s.examples?.[0] ?? (s.enum ? s.enum[0] : undefined);
  if (example !== undefined) lines.push(`**Example:** \`${f.key === '<name>' ? 'name' : f.key}: ${inline(example)}\``, '');
  return lines;
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return `exactly \`${inline(s.const)}\``;
  if (s.enum) return `${s.type === 'integer' ? 'whole number, ' : ''}one of ${s.enum.map((v) => `\`${inline(v)}\``).join(', ')}`;
  if (s.prefixItems) return `[${s.prefixItems.map(typeOf).join(', ')}]`;
  switch (s.type) {
    case 'integer':
      return 'whole number';
    case 'number':
      return 'number';
    case 'string':
      return 'text';
    case 'boolean':
      return '`true` or `false`';
    case 'array':
      return s.items ? `list of ${plural(typeOf(s.items))}` : 'list';
    case 'object':
      return typeof s.additionalProperties === 'object' ? `mapping from a name to ${typeOf(s.additionalProperties)}` : 'mapping';
    default:
      return 'any';
  }
}

function plural(type: string): string {
  if (type === 'mapping') return 'mappings';
  if (type === 'text') return 'texts';
  if (type.startsWith('one of ')) return `values, each ${type}`;
  return `${type}s`;
}

function limitsOf(s: JsonSchema): string {
  const parts: string[] = [];
  const range = (lo: number | undefined, hi: number | undefined, unit: string) => {
    const units = (n: number) => (n === 1 ? unit.replace(/s$/, '') : unit);
    if (lo !== undefined && hi !== undefined) parts.push(`${lo} to ${hi}${unit}`);
    else if (lo !== undefined) parts.push(`at least ${lo}${units(lo)}`);
    else if (hi !== undefined) parts.push(`at most ${hi}${units(hi)}`);
  };
  if (!s.enum) range(s.minimum, s.maximum, '');
  range(s.minLength, s.maxLength, ' characters');
  if (!s.prefixItems) range(s.minItems, s.maxItems, ' items');
  if (s.minProperties) parts.push(`at least ${s.minProperties} condition`);
  if (s.pattern) parts.push(`matches \`${s.pattern}\``);
  if (s.type === 'array' && s.items && s.items.pattern) parts.push(`each matches \`${s.items.pattern}\``);
  if (s.propertyNames?.pattern) parts.push(`names match \`${s.propertyNames.pattern}\``);
  return parts.join('; ');
}

function inline(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

/** GitHub's heading anchors: lower case, punctuation dropped. */
function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}
