import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CATEGORIES, type JudgeRules } from '../src/core/index';
import { type BrandStatement, type Evidence, type Verdict, judgeReply } from '../src/core/judge/index';
import { readScenarioFile } from './scenario-files';

export const judgeUsage = `surge-drill judge [--scenario FILE] [--json]
  Judges replies read as JSON lines on stdin, one per line, in order:
    {"text": "...", "post"?: {"text": "...", "category": "${CATEGORIES.join('|')}", "sentiment": -2..2, "author"?: "..."}, "channel"?: "facebook|x|dm|..."}
  Each reply is judged after the ones before it, as what the brand already said (repeats, contradictions).
  --scenario FILE  also apply that scenario's judge rules (staff names, banned phrases, facts, sign-off)
  --json           one JSON verdict per input line: {"blocks","breaches","tone","quality","evidence"}
  A bad line prints an error naming its line number; the rest are still judged. Exits 1 if any line was bad.`;

const inputSchema = z.strictObject({
  text: z.string().min(1).max(5000),
  post: z
    .strictObject({ text: z.string(), category: z.enum(CATEGORIES), sentiment: z.number().int().min(-2).max(2), author: z.string().optional() })
    .optional(),
  channel: z.string().min(1).max(40).optional(),
});
type Input = z.infer<typeof inputSchema>;

/** `surge-drill judge`: returns the process exit code. */
export function judgeCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { scenario: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (positionals.length > 0) {
    console.error(`surge-drill judge: unexpected argument "${positionals[0]}" (replies come on stdin)\n\n${judgeUsage}`);
    return 2;
  }
  let rules: JudgeRules | undefined;
  if (values.scenario !== undefined) {
    const loaded = readScenarioFile(values.scenario);
    if (!loaded.ok) {
      for (const line of loaded.messages) console.error(line);
      return 1;
    }
    rules = loaded.scenario.judge;
  }
  const earlier: BrandStatement[] = [];
  let bad = 0;
  readFileSync(0, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      const parsed = parseLine(raw);
      if (typeof parsed === 'string') {
        bad++;
        reportBadLine(i + 1, parsed, values.json);
        return;
      }
      const verdict = judgeReply(parsed.text, { post: parsed.post, channel: parsed.channel, earlier: [...earlier], rules });
      earlier.push({ text: parsed.text, channel: parsed.channel });
      console.log(values.json ? JSON.stringify(verdict) : readable(i + 1, parsed.text, verdict));
    });
  return bad > 0 ? 1 : 0;
}

/** The input, or what is wrong with it in one line. */
function parseLine(raw: string): Input | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return `not valid JSON (${(err as Error).message})`;
  }
  const result = inputSchema.safeParse(value);
  if (result.success) return result.data;
  return result.error.issues.map((issue) => `${issue.path.join('.') || 'the line'}: ${issue.message}`).join('; ');
}

function reportBadLine(line: number, problem: string, json: boolean): void {
  // In JSON mode the error keeps its place in the output, so verdicts still line up with inputs.
  if (json) console.log(JSON.stringify({ error: `line ${line}: ${problem}` }));
  console.error(`surge-drill judge: line ${line}: ${problem}`);
}

/** The verdict for a person: the reply with the triggering words in [brackets], then each label with its words. */
function readable(line: number, text: string, v: Verdict): string {
  const quality = v.quality > 0 ? `+${v.quality}` : String(v.quality);
  return [
    `line ${line}: quality ${quality}, tone ${v.tone}`,
    `  parts:    ${v.blocks.join(', ') || 'none'}`,
    `  breaches: ${v.breaches.join(', ') || 'none'}`,
    `  ${mark(text, v.evidence)}`,
    ...v.evidence.map((e) => `    ${e.label.padEnd(21)} "${text.slice(e.from, e.to)}" — ${e.reason}`),
    '',
  ].join('\n');
}

/** Wraps every evidence span in brackets, merging spans that overlap. */
function mark(text: string, evidence: readonly Evidence[]): string {
  const spans = [...evidence].sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ from: s.from, to: s.to });
  }
  let out = '';
  let at = 0;
  for (const s of merged) {
    out += `${text.slice(at, s.from)}[${text.slice(s.from, s.to)}]`;
    at = s.to;
  }
  return out + text.slice(at);
}
