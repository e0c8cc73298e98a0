import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrandStatement, type JudgeContext, type PostContext, type Verdict, type WritingKind, judgeReply } from '../../../src/core/judge/index';
import { REPO_ROOT } from '../../repo-root';

/** The labelled reply corpus in tests/fixtures/replies: items, their contexts, and scoring by label. */

const dir = join(REPO_ROOT, 'tests/fixtures/replies');

interface Contexts {
  posts: Record<string, PostContext>;
  earlier: Record<string, BrandStatement[]>;
}

/**
 * dev: written with the rules. dev-round2 … dev-round7: each written as a held-out set,
 * measured once (README), then used for development (rounds 6 and 7, blind sets 5 and 6, train
 * the learned layer). heldout (blind set 7 today): never used to change a rule or a weight, stuffing
 * aside; absent between one set being folded in and the next one arriving.
 */
export const DEV_SETS = ['dev', 'dev-round2', 'dev-round3', 'dev-round4', 'dev-round5', 'dev-round6', 'dev-round7'] as const;
export const HELDOUT_SET = 'heldout' as const;
export type CorpusSet = (typeof DEV_SETS)[number] | typeof HELDOUT_SET;

export interface CorpusItem {
  set: CorpusSet;
  line: number;
  text: string;
  /** A named post from contexts.json, or none (a holding statement). */
  post?: string;
  channel?: string;
  kind?: WritingKind;
  /** A named history of earlier brand statements from contexts.json. */
  earlier?: string;
  blocks: string[];
  breaches: string[];
  stuffed?: boolean;
}

const contexts = JSON.parse(readFileSync(join(dir, 'contexts.json'), 'utf8')) as Contexts;

/** Whether a set's file is in the fixtures. */
export function corpusExists(set: CorpusSet): boolean {
  return existsSync(join(dir, `${set}.jsonl`));
}

export function loadCorpus(set: CorpusSet): CorpusItem[] {
  const lines = readFileSync(join(dir, `${set}.jsonl`), 'utf8').split('\n');
  return lines.flatMap((l, i) => (l.trim() === '' ? [] : [{ ...(JSON.parse(l) as Omit<CorpusItem, 'set' | 'line'>), set, line: i + 1 }]));
}

export function contextOf(item: CorpusItem): JudgeContext {
  const post = item.post === undefined ? undefined : contexts.posts[item.post];
  const earlier = item.earlier === undefined ? undefined : contexts.earlier[item.earlier];
  if (item.post !== undefined && !post) throw new Error(`${item.set}.jsonl:${item.line}: unknown post "${item.post}"`);
  if (item.earlier !== undefined && !earlier) throw new Error(`${item.set}.jsonl:${item.line}: unknown history "${item.earlier}"`);
  return { post, earlier, channel: item.channel ?? 'facebook', kind: item.kind ?? 'reply' };
}

export function judgeItem(item: CorpusItem): Verdict {
  return judgeReply(item.text, contextOf(item));
}

export interface LabelScore {
  label: string;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  /** In per mille, so the table and the thresholds use integers. */
  precision: number;
  recall: number;
}

export function scoreLabels(items: readonly CorpusItem[], verdicts: readonly Verdict[], labels: readonly string[], field: 'blocks' | 'breaches'): LabelScore[] {
  return labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    items.forEach((item, i) => {
      const want = item[field].includes(label);
      const got = (verdicts[i]![field] as string[]).includes(label);
      if (want && got) tp++;
      else if (got) fp++;
      else if (want) fn++;
    });
    const perMille = (a: number, b: number) => (b === 0 ? 1000 : Math.floor((a * 1000) / b));
    return { label, support: tp + fn, tp, fp, fn, precision: perMille(tp, tp + fp), recall: perMille(tp, tp + fn) };
  });
}

export function formatTable(title: string, rows: readonly LabelScore[]): string {
  const f = (x: number) => (x / 1000).toFixed(2);
  const lines = rows.map((r) => `| ${r.label.padEnd(21)} | ${String(r.support).padStart(7)} | ${f(r.precision).padStart(9)} | ${f(r.recall).padStart(6)} |`);
  return [`${title}`, '| label                 | support | precision | recall |', '|---|---:|---:|---:|', ...lines].join('\n');
}
