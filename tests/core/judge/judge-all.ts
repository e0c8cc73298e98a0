import { type JudgeContext, type Verdict, judgeReply } from '../../../src/core/judge/index';

/** Judges a list of replies; bundled into a page by the Chromium determinism test, called directly in Node. */
export function judgeAll(cases: readonly { text: string; ctx: JudgeContext }[]): Verdict[] {
  return cases.map((c) => judgeReply(c.text, c.ctx));
}
