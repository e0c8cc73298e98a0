import { knownList } from './spelling';
import { ROLES } from './vocabulary.schema';

/**
 * Cross-references, sums and ordering rules: what one field allows depends on another.
 * It reads the input loosely rather than as a parsed `Scenario` because it also runs
 * when other parts of the file failed (zod would otherwise skip it on the first type
 * error): each check looks only at the fields it needs and skips malformed ones, which
 * carry their own issue.
 */

/** The rules below in a trainer's words, for the format reference. Keep in step with the checks. */
export const CROSS_FIELD_RULES: readonly string[] = [
  'Ids are unique within `channels`, `templates`, `injects`, `guideline.levels`, `guideline.obligations`, `judge.requiredFacts` and `judge.mustNot`.',
  'Every channel, template, inject and level named elsewhere (`templates[].channels`, `instigator.channel`, `instigator.template`, `injects[].posts[]`, `entry[].injectFired`, `obligations[].fromLevel`) is defined in the file.',
  '`channels[].sharePercent` add up to 100.',
  'A template\'s `followers` minimum is not above its maximum.',
  'Placeholders in template text, its variants and small talk (`wording`) are `{brand}` or `{name}` for a name defined under `variables`; a `{` or `}` on its own is refused.',
  'There is at least one `routine` and one `surge` template.',
  '`instigator.atMinute` and every inject\'s `atMinute` fall within `duration.simMinutes`.',
  'The first guideline level has no `entry` criteria; every other level has at least one.',
  'An obligation with `action: escalate` names its `role`.',
  'Each breach `kind` is forbidden by one rule at most (a second rule would never be cited).',
  'At least one scoring weight is above 0.',
  'The `id` is the file name without `.yaml`.',
];

/** Issues the cross-field checks raise carry this flag in their params: their messages are complete as they are. */
export const CROSS_FIELD = 'crossField';

type Loose = Record<string, unknown>;
export type Report = (path: (string | number)[], message: string) => void;

export const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const rec = (v: unknown): Loose => (isRecord(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A placeholder the simulation fills: `{brand}` or a lowerCamelCase variable name. */
const PLACEHOLDER = /\{([^{}]*)\}/g;
const VARIABLE_NAME = /^[a-z][a-zA-Z]*$/;

export function checkCrossReferences(value: unknown, report: Report): void {
  const s = rec(value);
  const guideline = rec(s.guideline);
  const ids = idsOf(s, guideline, report);
  checkChannelShares(list(s.channels).map(rec), report);
  checkTemplates(list(s.templates).map(rec), rec(s.variables), ids.channels, report);
  checkWording(rec(s.wording), rec(s.variables), report);

  const ref = (name: unknown, known: Set<string>, path: (string | number)[], what: string) => {
    const n = str(name);
    if (n !== undefined && !known.has(n)) report(path, `unknown ${what} "${n}" ${knownList(n, known)}`);
  };
  const simMinutes = num(rec(s.duration).simMinutes);
  const withinShift = (minute: unknown, path: (string | number)[]) => {
    const m = num(minute);
    if (m !== undefined && simMinutes !== undefined && m >= simMinutes) {
      report(path, `found minute ${m}; allowed: 0 to ${simMinutes - 1}, within the shift (duration.simMinutes is ${simMinutes})`);
    }
  };

  const instigator = rec(s.instigator);
  ref(instigator.channel, ids.channels, ['instigator', 'channel'], 'channel');
  ref(instigator.template, ids.templates, ['instigator', 'template'], 'template');
  withinShift(instigator.atMinute, ['instigator', 'atMinute']);

  list(s.injects).map(rec).forEach((inj, i) => {
    list(inj.posts).map(rec).forEach((p, j) => {
      ref(p.template, ids.templates, ['injects', i, 'posts', j, 'template'], 'template');
      ref(p.channel, ids.channels, ['injects', i, 'posts', j, 'channel'], 'channel');
    });
    withinShift(inj.atMinute, ['injects', i, 'atMinute']);
  });

  checkLevels(list(guideline.levels).map(rec), ids.injects, report, ref);
  list(guideline.obligations).map(rec).forEach((o, i) => {
    ref(o.fromLevel, ids.levels, ['guideline', 'obligations', i, 'fromLevel'], 'level');
    if (o.action === 'escalate' && o.role === undefined) {
      report(['guideline', 'obligations', i, 'role'], `an escalate obligation names the role to notify: one of ${ROLES.map((r) => `"${r}"`).join(', ')}`);
    }
  });
  checkForbiddenOnce(list(guideline.forbidden).map(rec), report);

  const weights = Object.values(rec(rec(s.scoring).weights)).map(num);
  if (weights.length > 0 && weights.every((w) => w !== undefined) && weights.reduce((a: number, b) => a + b!, 0) === 0) {
    report(['scoring', 'weights'], 'at least one weight must be above 0');
  }
}

function idsOf(s: Loose, guideline: Loose, report: Report) {
  /** The ids of a list, reporting repeats. */
  const ids = (items: unknown, path: string[]): Set<string> => {
    const seen = new Set<string>();
    list(items).map(rec).forEach((item, i) => {
      const id = str(item.id);
      if (id === undefined) return;
      if (seen.has(id)) report([...path, i, 'id'], `duplicate id "${id}"`);
      seen.add(id);
    });
    return seen;
  };
  const found = {
    channels: ids(s.channels, ['channels']),
    templates: ids(s.templates, ['templates']),
    injects: ids(s.injects, ['injects']),
    levels: ids(guideline.levels, ['guideline', 'levels']),
  };
  ids(rec(s.judge).requiredFacts, ['judge', 'requiredFacts']);
  ids(rec(s.judge).mustNot, ['judge', 'mustNot']);
  ids(guideline.obligations, ['guideline', 'obligations']);
  return found;
}

function checkChannelShares(channels: Loose[], report: Report): void {
  const shares = channels.map((c) => num(c.sharePercent));
  if (channels.length === 0 || !shares.every((x) => x !== undefined)) return;
  const total = shares.reduce((sum: number, x) => sum + x!, 0);
  if (total !== 100) report(['channels'], `sharePercent must add up to 100, not ${total}`);
}

function checkTemplates(templates: Loose[], variables: Loose, channelIds: Set<string>, report: Report): void {
  // Own keys only: `{constructor}` must not pass because every object inherits one.
  const defined = ['brand', ...Object.keys(variables)];
  templates.forEach((t, i) => {
    list(t.channels).forEach((c, j) => {
      const n = str(c);
      if (n !== undefined && !channelIds.has(n)) report(['templates', i, 'channels', j], `unknown channel "${n}" ${knownList(n, channelIds)}`);
    });
    const [lo, hi] = list(t.followers).map(num);
    if (lo !== undefined && hi !== undefined && lo > hi) report(['templates', i, 'followers'], `minimum ${lo} is above maximum ${hi}`);
    checkPlaceholders(str(t.text) ?? '', defined, (message) => report(['templates', i, 'text'], message));
    list(t.variants).forEach((v, j) => checkPlaceholders(str(v) ?? '', defined, (message) => report(['templates', i, 'variants', j], message)));
  });
  if (templates.length > 0 && templates.every((t) => typeof t.kind === 'string')) {
    const kinds = [...new Set(templates.map((t) => t.kind as string))].join(', ');
    for (const kind of ['routine', 'surge']) {
      if (!templates.some((t) => t.kind === kind)) report(['templates'], `needs at least one ${kind} template (found only: ${kinds})`);
    }
  }
}

/** Small talk takes the same placeholders as template text. */
function checkWording(wording: Loose, variables: Loose, report: Report): void {
  const defined = ['brand', ...Object.keys(variables)];
  for (const field of ['openers', 'closers'] as const) {
    list(wording[field]).forEach((v, i) => checkPlaceholders(str(v) ?? '', defined, (message) => report(['wording', field, i], message)));
  }
}

function checkPlaceholders(text: string, defined: string[], report: (message: string) => void): void {
  const braces = (name: string) => `{${name}}`;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!VARIABLE_NAME.test(name)) {
      report(`malformed placeholder {${name}}: a placeholder is {brand} or a variable name in lowerCamelCase letters ${knownList(name, defined, braces)}`);
    } else if (!defined.includes(name)) {
      report(`unknown variable {${name}} ${knownList(name, defined, braces)}`);
    }
  }
  const stray = text.replace(PLACEHOLDER, '').match(/[{}]/);
  if (stray) report(`a "${stray[0]}" without its partner: a placeholder is written {name} ${knownList('', defined, braces)}`);
}

type Ref = (name: unknown, known: Set<string>, path: (string | number)[], what: string) => void;

function checkLevels(levels: Loose[], injectIds: Set<string>, report: Report, ref: Ref): void {
  levels.forEach((l, i) => {
    const entry = l.entry;
    if (i === 0 && list(entry).length > 0) {
      report(['guideline', 'levels', i, 'entry'], 'the first level is where a shift starts; it takes no entry criteria');
    }
    if (i > 0 && (entry === undefined || (Array.isArray(entry) && entry.length === 0))) {
      report(['guideline', 'levels', i, 'entry'], 'needs at least one entry criterion');
    }
    list(entry).forEach((c, j) =>
      list(rec(c).injectFired).forEach((id, k) => ref(id, injectIds, ['guideline', 'levels', i, 'entry', j, 'injectFired', k], 'inject')),
    );
  });
}

function checkForbiddenOnce(forbidden: Loose[], report: Report): void {
  // The simulation cites the first rule of a kind; a second one would never be cited.
  const kinds = new Set<string>();
  forbidden.forEach((f, i) => {
    const kind = str(f.kind);
    if (kind === undefined) return;
    if (kinds.has(kind)) report(['guideline', 'forbidden', i, 'kind'], `"${kind}" is already forbidden by an earlier rule`);
    kinds.add(kind);
  });
}
