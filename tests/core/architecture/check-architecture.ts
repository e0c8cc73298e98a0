import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { parse } from '@babel/parser';
import { CHECKED_ROOTS, EXACT_MATH, FORBIDDEN_GLOBALS, LAYERS, LOCALE_METHODS, type Layer } from './layers';

/**
 * Checks a source tree against the layer rules in `layers.ts`. Files are parsed
 * with Babel's parser (TypeScript syntax, ESTree shape), so imports inside strings
 * or comments do not count, and side-effect, type-only, re-export and dynamic
 * imports all do. (es-module-lexer lexes JavaScript only: it fails on `x! / 100`
 * and does not see `export type { T } from`. oxc-parser ships its parser as
 * per-platform binaries, and the registry these machines use serves only some,
 * so `npm ci` refused its lockfile; Babel's parser is plain JavaScript.)
 */

export interface Violation {
  /** Repo-relative file. */
  file: string;
  line: number;
  message: string;
}

interface ImportSite {
  /** The specifier as written; undefined when it is not a string literal (`import(name)`). */
  specifier: string | undefined;
  start: number;
}

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '/index.ts'];

/** All violations in the tree under `root`, for the given layers. */
export function checkArchitecture(root: string, layers: readonly Layer[] = LAYERS, roots: readonly string[] = CHECKED_ROOTS): Violation[] {
  const out: Violation[] = [];
  for (const file of roots.flatMap((dir) => sourceFiles(root, dir))) {
    const text = readFileSync(join(root, file), 'utf8');
    const report = (at: number, message: string) => out.push({ file, line: lineOf(text, at), message });
    const layer = layers.find((l) => file.startsWith(`${l.folder}/`));
    if (!layer) {
      report(0, 'belongs to no layer: add its folder to LAYERS in tests/core/architecture/layers.ts');
      continue;
    }
    const parsed = parse(text, { sourceType: 'module', plugins: ['typescript', 'estree'], errorRecovery: true });
    for (const e of parsed.errors ?? []) report((e as { pos?: number }).pos ?? 0, `cannot be parsed: ${e.reasonCode}`);
    const program = parsed.program as unknown as Node;
    for (const site of importSites(program)) {
      const problem = checkImport(root, file, layer, site.specifier);
      if (problem) report(site.start, problem);
    }
    if (layer.pure) for (const p of impurities(program)) report(p.start, p.message);
  }
  return out;
}

/** Repo-relative, `/`-separated source files under `dir` (none if it does not exist). */
function sourceFiles(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) return [];
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => SOURCE.test(f) && !f.endsWith('.d.ts'))
    .map((f) => posix.join(dir, f.split(sep).join('/')))
    .sort();
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Every place a file names another module: static, side-effect, re-export, dynamic and `import('x').T` types. */
function importSites(program: Node): ImportSite[] {
  const sites: ImportSite[] = [];
  const literal = (n: unknown): string | undefined => {
    const node = n as Node | undefined;
    if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
    if (node?.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) return ((node.quasis as Node[])[0]!.value as { cooked: string }).cooked;
    if (node?.type === 'TSLiteralType') return literal(node.literal);
    return undefined;
  };
  walk(program, (node) => {
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
        sites.push({ specifier: literal(node.source), start: node.start });
        break;
      case 'ExportNamedDeclaration':
        if (node.source) sites.push({ specifier: literal(node.source), start: node.start });
        break;
      case 'ImportExpression':
        sites.push({ specifier: literal(node.source), start: node.start });
        break;
      case 'CallExpression':
        if ((node.callee as Node).type === 'Import') sites.push({ specifier: literal((node.arguments as Node[])[0]), start: node.start });
        break;
      case 'TSImportType':
        sites.push({ specifier: literal(node.argument ?? node.source), start: node.start });
        break;
      case 'TSExternalModuleReference':
        sites.push({ specifier: literal(node.expression), start: node.start });
        break;
    }
  }, false);
  return sites;
}

function checkImport(root: string, file: string, layer: Layer, specifier: string | undefined): string | undefined {
  if (specifier === undefined) return 'imports a computed specifier, which no rule can check';
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = resolveRelative(root, file, specifier);
    if (!target) return `imports "${specifier}", which resolves to no file`;
    const allowed = Object.keys(layer.mayReach).some((p) => (p.endsWith('/') ? target.startsWith(p) : target === p));
    return allowed ? undefined : `imports "${specifier}" (${target}); the ${layer.name} layer may reach only ${Object.keys(layer.mayReach).join(', ')}`;
  }
  const pkg = packageName(specifier);
  if (layer.packages === 'any' || pkg in layer.packages || pkg in (layer.filePackages?.[file] ?? {})) return undefined;
  return `imports the package "${pkg}"; the ${layer.name} layer may use only ${Object.keys(layer.packages).join(', ')}${layer.filePackages?.[file] ? ` (and here ${Object.keys(layer.filePackages[file]).join(', ')})` : ''}`;
}

/** Repo-relative file a relative specifier lands on, the way Vite and tsc resolve it (query such as `?url` dropped). */
function resolveRelative(root: string, file: string, specifier: string): string | undefined {
  const bare = specifier.replace(/\?.*$/, '');
  const base = join(root, dirname(file), bare);
  const candidates = RESOLVE_SUFFIXES.map((s) => base + s);
  if (bare.endsWith('.js')) candidates.push(base.slice(0, -3) + '.ts');
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return hit === undefined ? undefined : relative(root, hit).split(sep).join('/');
}

/** `pure-rand/distribution/x` → `pure-rand`, `@scope/pkg/x` → `@scope/pkg`, `node:fs` stays. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Keys that hold only types: erased at run time, and the core tsconfig checks them. */
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'implements']);
/** Declarations that are types only, and import lines (checked as imports, their names are bindings). */
const SKIPPED_IN_CODE = new Set(['TSTypeAliasDeclaration', 'TSInterfaceDeclaration', 'TSDeclareFunction', 'ImportDeclaration', 'ExportAllDeclaration']);

type Visit = (node: Node, parent?: Node, key?: string) => void;

/**
 * Calls `visit` on every node; with `codeOnly`, skips the parts erased at run time.
 * `visit` gets the parent and the key under which the node hangs, so names in
 * non-computed property positions (`x.Date`, `{ date: 1 }`) can be told from
 * references to globals.
 */
function walk(node: Node, visit: Visit, codeOnly: boolean, parent?: Node, key?: string): void {
  visit(node, parent, key);
  if (codeOnly && SKIPPED_IN_CODE.has(node.type)) return;
  for (const [k, value] of Object.entries(node)) {
    if (codeOnly && TYPE_KEYS.has(k)) continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as Node).type === 'string') walk(child as Node, visit, codeOnly, node, k);
    }
  }
}

/** Whether an identifier at `key` under `parent` is a name (property, label, import alias) rather than a variable reference. */
function isPropertyName(parent: Node | undefined, key: string | undefined): boolean {
  if (!parent) return false;
  if (key === 'property' && parent.type === 'MemberExpression') return !parent.computed;
  if (key === 'key') return !parent.computed;
  if (key === 'label') return true;
  if (parent.type === 'TSEnumMember' && key === 'id') return true;
  return (parent.type === 'ExportSpecifier' && key === 'exported') || parent.type === 'ImportSpecifier';
}

const isIntegerLiteral = (n: Node) => n.type === 'Literal' && Number.isInteger(n.value);

/** Engine-dependent maths and ambient globals in a core file. */
function impurities(program: Node): { start: number; message: string }[] {
  const found: { start: number; message: string }[] = [];
  walk(program, (node, parent, key) => {
    if (node.type === 'Identifier' && !isPropertyName(parent, key)) {
      const name = node.name as string;
      if (name in FORBIDDEN_GLOBALS) found.push({ start: node.start, message: `uses ${name}: ${FORBIDDEN_GLOBALS[name]}` });
      if (name === 'Math') {
        const member = parent?.type === 'MemberExpression' && key === 'object' && !parent.computed ? ((parent.property as Node).name as string) : undefined;
        if (member === undefined || !EXACT_MATH.has(member)) {
          found.push({ start: node.start, message: `uses Math.${member ?? '[…]'}: not exact in every engine; use src/core/util/fixed-math.ts` });
        }
      }
    }
    if (node.type === 'Identifier' && isPropertyName(parent, key) && LOCALE_METHODS.has(node.name as string) && parent?.type === 'MemberExpression') {
      found.push({ start: node.start, message: `uses ${node.name as string}: depends on the host's locale data` });
    }
    // `**` is Math.pow: only a constant with integer operands (2 ** 31) is exact everywhere.
    const isPow = (node.type === 'BinaryExpression' || node.type === 'AssignmentExpression') && (node.operator === '**' || node.operator === '**=');
    if (isPow && !(isIntegerLiteral(node.left as Node) && isIntegerLiteral(node.right as Node))) {
      found.push({ start: node.start, message: 'uses ** on a non-constant: Math.pow is not exact in every engine; multiply, or use fixed-math' });
    }
  }, true);
  return found;
}
