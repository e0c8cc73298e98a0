import { type Claims, claimsIn, durationMissesDeadline, sameCause } from './claims';
import { cachedByText } from './earlier-cache';
import { readText } from './text';
import type { BrandStatement, Evidence } from './verdict';

/**
 * `inconsistentAnswer`: the reply contradicts what the brand already said on the
 * issue, on any channel — a different cause, owning it then disowning it, a
 * different timescale for the same thing, a refund promised then refused, a problem
 * admitted then denied, a different sum for the same payment, a different count of those affected.
 */

interface Said {
  claims: Claims;
  where: string;
}

/** Claims of earlier statements by text. */
const claimsOf = cachedByText((text) => claimsIn(readText(text)));

function saidBefore(earlier: readonly BrandStatement[]): Said[] {
  return earlier.map((s) => ({
    claims: claimsOf([s.text, ...(s.facts ?? [])].join('. ')),
    where: s.channel ? `on ${s.channel}` : 'earlier',
  }));
}

function quoteOf(c: { quote: string }): string {
  return `"${c.quote}"`;
}

export function inconsistencies(now: Claims, earlier: readonly BrandStatement[]): Evidence[] {
  const found: Evidence[] = [];
  const push = (c: { from: number; to: number }, reason: string) => found.push({ label: 'inconsistentAnswer', from: c.from, to: c.to, reason });
  for (const before of saidBefore(earlier)) {
    for (const c of now.cause) {
      const other = before.claims.cause.find((b) => !sameCause(b.value, c.value));
      const agrees = before.claims.cause.some((b) => sameCause(b.value, c.value));
      if (other && !agrees) push(c, `gives a different cause from ${quoteOf(other)} said ${before.where}`);
    }
    for (const c of now.ownership) {
      const other = before.claims.ownership.find((b) => b.value !== c.value);
      if (other) push(c, `${c.value > 0 ? 'owns' : 'disowns'} the cause after ${quoteOf(other)} ${before.where}`);
    }
    for (const c of now.timescales) {
      const other = before.claims.timescales.find((b) => b.value.topic === c.value.topic && b.value.hours !== c.value.hours);
      if (other) push(c, `promises a different ${c.value.topic} timescale from ${quoteOf(other)} ${before.where}`);
    }
    for (const c of now.deadlines) {
      const other =
        before.claims.deadlines.find((b) => b.value.topic === c.value.topic && b.value.by !== c.value.by) ??
        before.claims.timescales.find((b) => b.value.topic === c.value.topic && durationMissesDeadline(b.value.hours, c.value.by));
      if (other) push(c, `promises a different ${c.value.topic} date from ${quoteOf(other)} ${before.where}`);
    }
    for (const c of now.timescales) {
      const other = before.claims.deadlines.find((b) => b.value.topic === c.value.topic && durationMissesDeadline(c.value.hours, b.value.by));
      if (other) push(c, `promises a different ${c.value.topic} timescale from ${quoteOf(other)} ${before.where}`);
    }
    for (const c of now.automatic) {
      const other = before.claims.automatic.find((b) => b.value !== c.value);
      if (other) push(c, `${c.value > 0 ? 'says it is automatic' : 'asks for a claim'} after ${quoteOf(other)} ${before.where}`);
    }
    for (const c of now.problem) {
      // Only a denial after an admission: admitting what was once denied is a correction.
      const other = c.value < 0 ? before.claims.problem.find((b) => b.value > 0) : undefined;
      if (other) push(c, `denies the problem after ${quoteOf(other)} ${before.where}`);
    }
    for (const c of now.amounts) {
      // A per-unit sum and a total are not comparable ("£30 a day" and "£120 for the four days").
      const same = before.claims.amounts.filter((b) => b.value.topic === c.value.topic && b.value.perUnit === c.value.perUnit);
      const other = same.find((b) => b.value.pence !== c.value.pence);
      if (other && !same.some((b) => b.value.pence === c.value.pence)) push(c, `names a different ${c.value.topic} from ${quoteOf(other)} ${before.where}`);
    }
    for (const c of now.counts) {
      const other = before.claims.counts.find((b) => b.value.noun === c.value.noun && b.value.n !== c.value.n);
      if (other) push(c, `gives a different number of ${c.value.noun} from ${quoteOf(other)} ${before.where}`);
    }
    for (const c of now.refund) {
      const other = before.claims.refund.find((b) => b.value !== c.value);
      if (other) push(c, `${c.value > 0 ? 'offers' : 'refuses'} a refund after ${quoteOf(other)} ${before.where}`);
    }
  }
  return dedupe(found);
}

/** One piece of evidence per span: several earlier statements may disagree with the same words. */
function dedupe(found: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return found.filter((e) => {
    const key = `${e.from}:${e.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
