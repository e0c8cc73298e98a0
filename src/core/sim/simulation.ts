import type { InspectionEvent } from 'xstate';
import { actionCost, type Action } from './actions';
import { reject, type Rejection } from '../errors';
import { EscalationTracker, type DeskDeed } from '../guideline/escalation.machine';
import { clamp, expNeg } from '../util/fixed-math';
import { drawTemplate, generatePost, templatePool, type NewPost } from './post-generator';
import { Prng } from '../util/prng';
import { judgeReply } from './reply-judge';
import { BREACH_DEFAULT_TEXT, clockAt, needsResponse, situationLevel } from '../guideline/rules';
import { ROLE_LABELS, type BreachKind, type Scenario, type Template } from '../scenario/scenario.schema';
import { computeOutcome, type Outcome } from '../scoring/scoring';
import type { KeyMoment, ObligationState, Post, SimState } from './state';
import { MODE_RULES, type Mode } from '../modes';

export interface SimOptions {
  seed: number;
  mode: Mode;
  /** Observes the guideline machine (for the Stately inspector in development); never changes the run. */
  inspect?: (event: InspectionEvent) => void;
}

type Ok = { ok: true };
const OK: Ok = { ok: true };

/** Share of a channel's excitement that spills over to each other channel's audience. */
const SPILL = 0.25;
const HEAT_MIN = 40;
const HEAT_MAX = 250;
const HOUR = 3600;

/**
 * One shift at the social desk. Owns the state, the PRNG and the guideline
 * machine; advances in fixed steps of sim time and applies validated actions at
 * step boundaries. Deterministic: the same scenario, seed and action log give the
 * same state, bit for bit, in any JavaScript engine.
 */
export class Simulation {
  readonly scenario: Scenario;
  readonly state: SimState;
  private readonly rng: Prng;
  private readonly tracker: EscalationTracker;
  private readonly channelIds: string[];
  private readonly baselinePerMinute: Record<string, number>;
  private readonly decayPerStep: number;
  private readonly levelIndex: Map<string, number>;
  private readonly surgePools: Record<string, Template[]>;
  private readonly routinePools: Record<string, Template[]>;
  /** Ids of posts still waiting for a first response, oldest first. */
  private openQueue: number[] = [];
  /** Ids of posts that need a named role which has not been told yet. */
  private awaitingRole: number[] = [];
  /** Index into posts of the oldest post inside the last-hour window. */
  private windowStart = 0;
  private windowNegative = 0;
  /** Public replies the trainee has sent to each author handle (rule of two). */
  private repliesByAuthor = new Map<string, number>();

  constructor(scenario: Scenario, options: SimOptions) {
    this.scenario = scenario;
    this.rng = Prng.fromSeed(options.seed);
    this.tracker = new EscalationTracker(scenario, options.inspect);
    this.channelIds = scenario.channels.map((c) => c.id);
    this.baselinePerMinute = Object.fromEntries(
      scenario.channels.map((c) => [c.id, (scenario.baseline.postsPerDay / 1440) * (c.sharePercent / 100)]),
    );
    const step = scenario.duration.stepSeconds;
    this.decayPerStep = expNeg(step / 60 / scenario.surge.memoryMinutes);
    this.levelIndex = new Map(scenario.guideline.levels.map((l, i) => [l.id, i]));
    this.surgePools = Object.fromEntries(this.channelIds.map((c) => [c, templatePool(scenario, 'surge', c)]));
    this.routinePools = Object.fromEntries(this.channelIds.map((c) => [c, templatePool(scenario, 'routine', c)]));
    this.state = {
      scenarioId: scenario.id,
      seed: options.seed,
      mode: options.mode,
      t: 0,
      endT: scenario.duration.simMinutes * 60,
      stepSeconds: step,
      over: false,
      rng: this.rng.state(),
      nextPostId: 1,
      posts: [],
      excitation: Object.fromEntries(this.channelIds.map((c) => [c, 0])),
      heat: 100,
      goodwill: 70,
      team: { agents: scenario.team.agents, extra: 0, pending: [], workCredit: 0 },
      trainee: { busyUntil: 0, actions: 0 },
      declaredLevel: 0,
      trueLevel: 0,
      escalationLagSeconds: 0,
      overEscalationSeconds: 0,
      maxNegativeFollowers: 0,
      flagsSeen: [],
      obligations: scenario.guideline.obligations.map((o) => ({ id: o.id, rule: o.rule, text: o.text, status: 'waiting' })),
      breaches: [],
      moments: [],
      rootCause: {},
      firedInjects: [],
      counters: {
        arrivals: 0,
        negativeArrivals: 0,
        surgeArrivals: 0,
        routineDue: 0,
        routineInTarget: 0,
        peakArrivalsPerHour: 0,
        peakNegativePerHour: 0,
        cannedReplies: 0,
        goodReplies: 0,
        triageCorrect: 0,
        triageTotal: 0,
        postNeedsMet: 0,
        postNeedsLate: 0,
        postNeedsMissed: 0,
      },
      history: [],
      log: [],
    };
    this.sample();
  }

  // ───────────────────────────── time ─────────────────────────────

  /** One fixed step: arrivals, the team's work, deadlines, the situation, metrics. */
  step(): void {
    const s = this.state;
    if (s.over) return;
    const dt = s.stepSeconds;
    s.t += dt;
    this.tracker.advanceTo(s.t);
    this.arriveStaff();
    this.fireScripted();
    this.arrive(dt);
    this.sendPromotion();
    this.teamWork(dt);
    this.checkPostDeadlines();
    // Slow-moving pressures are settled once a sim minute; they scan the whole open queue.
    if (s.t % 60 === 0) this.updateHeat(60);
    this.assess(dt);
    this.syncObligations();
    this.fixRootCauseWhenDue();
    if (s.t % 60 === 0) this.sample();
    if (s.t >= s.endT) {
      s.over = true;
      this.tracker.stop();
    }
    s.rng = this.rng.state();
  }

  advanceTo(t: number): void {
    while (!this.state.over && this.state.t < t) this.step();
  }

  finish(): Outcome {
    this.advanceTo(this.state.endT);
    return this.outcome();
  }

  outcome(): Outcome {
    return computeOutcome(this.scenario, this.state);
  }

  /** Surge and routine arrivals the model expects over the next sim hour. */
  forecastNextHour(): number {
    let total = 0;
    const b = 1 / this.scenario.surge.memoryMinutes;
    for (const c of this.channelIds) {
      // The excitation decays as e^(−b·m); its integral over 60 minutes is E·(1 − e^(−60b))/b.
      const surge = (this.state.excitation[c]! * (1 - expNeg(60 * b))) / b;
      const network = this.networkPerMinute(c) * 60;
      total += Math.min(surge + network, this.scenario.surge.maxPerMinute * 60) + this.baselinePerMinute[c]! * 60;
    }
    return Math.round(total);
  }

  /** Practice hints: what the guideline asks of the trainee right now. */
  currentRequirements(): string[] {
    const s = this.state;
    const hints: string[] = [];
    const levels = this.scenario.guideline.levels;
    if (s.declaredLevel < s.trueLevel) {
      hints.push(`The situation meets "${levels[s.trueLevel]!.name}": declare it.`);
    }
    for (const o of s.obligations) {
      if (o.status === 'open') hints.push(`Rule ${o.rule}: ${o.text} (due ${this.clock(o.deadline ?? 0)})`);
    }
    for (const id of this.openQueue) {
      const p = this.post(id)!;
      if (p.needs && !p.escalatedTo.includes(p.needs.role)) hints.push(`Post #${p.id} needs ${ROLE_LABELS[p.needs.role]} by ${this.clock(p.needs.deadline)}.`);
      if (p.flags.includes('personalData')) hints.push(`Post #${p.id} shows personal data: hide it and take it to DM.`);
      if (hints.length >= 6) break;
    }
    return hints;
  }

  /** The scenario's wall clock at sim second `t`. */
  clock(t: number = this.state.t): string {
    return clockAt(this.scenario, t);
  }

  post(id: number): Post | undefined {
    // Ids are dense and start at 1, so the array index is id − 1.
    const p = this.state.posts[id - 1];
    return p && p.id === id ? p : undefined;
  }

  // ─────────────────────────── arrivals ───────────────────────────

  private addPost(spec: NewPost): Post {
    const s = this.state;
    const post = generatePost(this.scenario, this.rng, s.nextPostId++, s.t, spec);
    s.posts.push(post);
    s.counters.arrivals++;
    if (post.sentiment < 0) {
      s.counters.negativeArrivals++;
      this.windowNegative++;
      if (post.author.followers > s.maxNegativeFollowers) s.maxNegativeFollowers = post.author.followers;
    }
    for (const f of post.flags) if (!s.flagsSeen.includes(f)) s.flagsSeen.push(f);
    if (post.source !== 'routine') {
      s.counters.surgeArrivals++;
      this.excite(post.channel);
    }
    if (needsResponse(post)) this.openQueue.push(post.id);
    if (post.needs) this.awaitingRole.push(post.id);
    return post;
  }

  /** A surge-related post raises the intensity of its own channel and, less, the others. */
  private excite(channel: string): void {
    const s = this.state;
    const branching = this.branchingRatio();
    const kick = branching / this.scenario.surge.memoryMinutes;
    const others = this.channelIds.length - 1;
    for (const c of this.channelIds) {
      const share = others === 0 ? 1 : c === channel ? 1 - SPILL : SPILL / others;
      s.excitation[c] = s.excitation[c]! + kick * share;
    }
  }

  /** Expected follow-on posts per surge post, after the trainee's effect on the crowd. */
  branchingRatio(): number {
    const s = this.state;
    const mob = this.scenario.instigator.mobilisationPercent / 100;
    const instigator = this.instigatorPost();
    const calmed = instigator !== undefined && this.instigatorCalmed(instigator);
    const mobilisation = 1 + (calmed ? mob * 0.25 : mob);
    return (this.scenario.surge.branchingPercent / 100) * (s.heat / 100) * mobilisation;
  }

  /**
   * The instigator's friends and family: a steady stream of posts on their channel
   * from the moment they post, which a good personal answer calms to a quarter.
   */
  private networkPerMinute(channel: string): number {
    const inst = this.instigatorPost();
    if (!inst || channel !== inst.channel) return 0;
    const rate = this.scenario.instigator.mobilisationPercent / 100;
    return this.instigatorCalmed(inst) ? rate * 0.25 : rate;
  }

  private instigatorCalmed(inst: Post): boolean {
    return inst.inDm || inst.replies.some((r) => r.by === 'trainee' && r.quality > 0);
  }

  private instigatorPost(): Post | undefined {
    const id = this.state.instigatorId;
    return id === undefined ? undefined : this.post(id);
  }

  private arrive(dt: number): void {
    const s = this.state;
    const minutes = dt / 60;
    const inst = this.scenario.instigator;
    if (s.instigatorId === undefined && s.t >= inst.atMinute * 60) {
      const template = this.scenario.templates.find((t) => t.id === inst.template)!;
      const post = this.addPost({
        template,
        channel: inst.channel,
        source: 'instigator',
        author: { name: inst.name, handle: inst.handle, followers: inst.followers },
      });
      s.instigatorId = post.id;
      this.moment({
        kind: 'instigator',
        title: `${inst.name} posts on ${this.channelName(inst.channel)}`,
        guideline: 'Answer every complaint, in channel, quickly and personally; take personal details to DM.',
        did: '',
        consequence: `Post #${post.id}: friends and family start to pile in.`,
      });
    }
    const cap = this.scenario.surge.maxPerMinute * minutes;
    for (const c of this.channelIds) {
      const routine = this.rng.poisson(this.baselinePerMinute[c]! * minutes);
      for (let i = 0; i < routine; i++) {
        const template = drawTemplate(this.routinePools[c]!, this.rng);
        if (template) this.addPost({ template, channel: c, source: 'routine' });
      }
      const surge = this.rng.poisson(Math.min((s.excitation[c]! + this.networkPerMinute(c)) * minutes, cap));
      const instigator = this.instigatorPost();
      for (let i = 0; i < surge; i++) {
        const template = drawTemplate(this.surgePools[c]!, this.rng);
        if (!template) continue;
        // On the instigator's channel most of the crowd comments under the original post.
        const inThread = instigator && c === instigator.channel && this.rng.chance(0.6);
        this.addPost({ template, channel: c, source: 'surge', ...(inThread ? { threadId: instigator.id } : {}) });
      }
      s.excitation[c] = s.excitation[c]! * this.decayPerStep;
    }
    this.slideWindow();
  }

  private slideWindow(): void {
    const s = this.state;
    while (this.windowStart < s.posts.length && s.posts[this.windowStart]!.t <= s.t - HOUR) {
      if (s.posts[this.windowStart]!.sentiment < 0) this.windowNegative--;
      this.windowStart++;
    }
    const lastHour = s.posts.length - this.windowStart;
    s.counters.peakArrivalsPerHour = Math.max(s.counters.peakArrivalsPerHour, lastHour);
    s.counters.peakNegativePerHour = Math.max(s.counters.peakNegativePerHour, this.windowNegative);
  }

  private fireScripted(): void {
    for (const inj of this.scenario.injects) {
      if (inj.atMinute !== undefined && inj.atMinute * 60 <= this.state.t && !this.state.firedInjects.some((f) => f.id === inj.id)) {
        this.fireInject(inj.id, 'scripted');
      }
    }
  }

  private fireInject(id: string, by: 'scripted' | 'trainer'): void {
    const s = this.state;
    const inj = this.scenario.injects.find((i) => i.id === id)!;
    s.firedInjects.push({ id, t: s.t });
    for (const spec of inj.posts) {
      const template = this.scenario.templates.find((t) => t.id === spec.template)!;
      for (let i = 0; i < spec.count; i++) {
        const channel = spec.channel ?? template.channels?.[0] ?? this.scenario.instigator.channel;
        this.addPost({ template, channel, source: 'inject' });
      }
    }
    s.heat = clamp(s.heat + inj.heatPercent, HEAT_MIN, HEAT_MAX);
    this.moment({
      kind: 'inject',
      title: inj.title,
      guideline: inj.description,
      did: by === 'trainer' ? 'Fired by the trainer.' : '',
      consequence: inj.heatPercent > 0 ? 'The crowd grows more heated.' : 'New posts arrive.',
    });
  }

  private sendPromotion(): void {
    const promo = this.scenario.promotions;
    const s = this.state;
    if (!promo || s.promotionsPausedAt !== undefined || s.t % (promo.everyMinutes * 60) !== 0) return;
    // A cheerful scheduled post in the middle of an incident reads as a brand that is not listening.
    if (s.trueLevel >= 2) {
      s.heat = clamp(s.heat + 6, HEAT_MIN, HEAT_MAX);
      s.goodwill = clamp(s.goodwill - 2, 0, 100);
      this.moment({
        kind: 'promotions',
        title: `Scheduled promotion went out: "${promo.scheduled}"`,
        guideline: 'Pause scheduled promotions during an incident.',
        did: 'Promotions were still running.',
        consequence: 'Goodwill −2; the crowd calls the brand tone-deaf.',
        good: false,
      });
    }
  }

  // ──────────────────────────── team ────────────────────────────

  private arriveStaff(): void {
    const team = this.state.team;
    while (team.pending.length > 0 && team.pending[0]!.at <= this.state.t) {
      team.extra += team.pending.shift()!.count;
    }
  }

  /** Posts the rest of the team may answer: unflagged, no named role needed, not reserved by the trainee. */
  private teamMayAnswer(p: Post): boolean {
    return (
      p.status === 'open' &&
      p.flags.length === 0 &&
      p.needs === undefined &&
      p.source !== 'instigator' &&
      !(p.triage?.urgent ?? false) &&
      p.author.followers < 5000
    );
  }

  private teamWork(dt: number): void {
    const s = this.state;
    const perMinute = ((s.team.agents + s.team.extra) * this.scenario.team.postsPerAgentHour) / 60;
    s.team.workCredit += (perMinute * dt) / 60;
    // Fast lane: once the trainee has declared a raised level, routine customers are served first.
    const fastLane = s.declaredLevel >= 1;
    while (s.team.workCredit >= 1) {
      const id = this.nextForTeam(fastLane);
      if (id === undefined) {
        s.team.workCredit = Math.min(s.team.workCredit, 1);
        break;
      }
      s.team.workCredit -= 1;
      const p = this.post(id)!;
      p.replies.push({ t: s.t, by: 'team', blocks: ['acknowledge', 'nextStep'], tone: 'neutral', quality: 0 });
      this.markResponded(p);
      s.goodwill = clamp(s.goodwill + 0.02, 0, 100);
    }
  }

  private nextForTeam(fastLane: boolean): number | undefined {
    let fallback: number | undefined;
    for (const id of this.openQueue) {
      const p = this.post(id)!;
      if (!this.teamMayAnswer(p)) continue;
      if (!fastLane || p.source === 'routine') return id;
      fallback ??= id;
    }
    return fallback;
  }

  /** First response to a post: leaves the queue and counts towards the service level. */
  private markResponded(p: Post): void {
    const s = this.state;
    if (p.firstResponseAt !== undefined) return;
    p.firstResponseAt = s.t;
    if (p.status === 'open') p.status = 'answered';
    this.dequeue(p);
    if (p.source === 'routine' && needsResponse(p)) {
      s.counters.routineDue++;
      if (s.t - p.t <= this.slaSeconds(p.channel)) s.counters.routineInTarget++;
    }
  }

  /** Takes a post out of the queue unanswered; a routine one then counts as a missed service level. */
  private removeFromQueue(p: Post): void {
    this.dequeue(p);
    if (p.source === 'routine' && needsResponse(p) && p.firstResponseAt === undefined) this.state.counters.routineDue++;
  }

  private dequeue(p: Post): void {
    const i = this.openQueue.indexOf(p.id);
    if (i >= 0) this.openQueue.splice(i, 1);
  }

  private slaSeconds(channel: string): number {
    return this.scenario.channels.find((c) => c.id === channel)!.serviceLevelMinutes * 60;
  }

  // ─────────────────────── deadlines and heat ───────────────────────

  private checkPostDeadlines(): void {
    const s = this.state;
    const stillWaiting: number[] = [];
    for (const id of this.awaitingRole) {
      const p = this.post(id)!;
      if (!p.needs || p.escalatedTo.includes(p.needs.role) || p.status === 'deleted' || p.status === 'closed') continue;
      if (s.t <= p.needs.deadline) stillWaiting.push(id);
      else {
        p.needsMissed = true;
        s.counters.postNeedsMissed++;
        if (p.flags.includes('legalThreat')) this.breach('ignoredLegalThreat', p.id);
        else {
          s.goodwill = clamp(s.goodwill - 2, 0, 100);
          this.moment({
            kind: 'post',
            title: `Post #${p.id} did not reach ${ROLE_LABELS[p.needs.role]} in time`,
            guideline: `This post needed ${ROLE_LABELS[p.needs.role]} by ${this.clock(p.needs.deadline)}.`,
            did: 'It was not escalated.',
            consequence: 'Goodwill −2.',
            good: false,
          });
        }
      }
    }
    this.awaitingRole = stillWaiting;
  }

  /** Silence on visible, high-reach anger feeds the crowd. */
  private updateHeat(dt: number): void {
    const s = this.state;
    let silent = 0;
    for (const id of this.openQueue) {
      const p = this.post(id)!;
      if (p.source !== 'routine' && p.author.followers >= 1000 && s.t - p.t > 1800) silent++;
      if (silent >= 6) break;
    }
    s.heat = clamp(s.heat + (silent * 0.5 * dt) / 60, HEAT_MIN, HEAT_MAX);
    // Unanswered anger costs goodwill steadily, in proportion to how much of it is overdue.
    let overdue = 0;
    for (const id of this.openQueue) {
      const p = this.post(id)!;
      if (p.sentiment < 0 && s.t - p.t > this.slaSeconds(p.channel)) overdue++;
    }
    s.goodwill = clamp(s.goodwill - (Math.min(overdue, 50) * 0.004 * dt) / 60, 0, 100);
    if (overdue === 0) s.goodwill = clamp(s.goodwill + (0.02 * dt) / 60, 0, 100);
  }

  /** The true level (the situation as the guideline defines it) only ever rises within a shift. */
  private assess(dt: number): void {
    const s = this.state;
    const level = situationLevel(this.scenario, s, this.windowNegative);
    if (level > s.trueLevel) {
      s.trueLevel = level;
      this.tracker.send({ type: 'situation.assessed', level });
      const l = this.scenario.guideline.levels[level]!;
      this.moment({
        kind: 'level',
        title: `The situation reaches ${l.name}`,
        guideline: l.description || `Declare ${l.name} and meet its obligations.`,
        did: s.declaredLevel >= level ? 'Already declared.' : '',
        consequence: '',
      });
    }
    if (s.declaredLevel < s.trueLevel) s.escalationLagSeconds += dt;
    if (s.declaredLevel > s.trueLevel) s.overEscalationSeconds += dt;
  }

  /** Copies the machine's obligation states into plain state, noting each change as a key moment. */
  private syncObligations(): void {
    const s = this.state;
    const states = this.tracker.obligationStates();
    for (const o of s.obligations) {
      const now = states[o.id] as ObligationState['status'] | undefined;
      if (!now || now === o.status) continue;
      const def = this.scenario.guideline.obligations.find((d) => d.id === o.id)!;
      if (o.status === 'waiting') {
        o.openedAt = s.t;
        o.deadline = s.t + def.withinMinutes * 60;
      }
      if (now === 'met' || now === 'metLate') o.doneAt = s.t;
      o.status = now;
      if (now === 'met' || now === 'missed' || now === 'metLate') {
        const good = now === 'met';
        if (now === 'missed') s.goodwill = clamp(s.goodwill - 3, 0, 100);
        this.moment({
          kind: 'obligation',
          title: `Rule ${o.rule} ${now === 'met' ? 'met' : now === 'missed' ? 'missed' : 'met late'}`,
          guideline: o.text,
          did: now === 'missed' ? 'Not done by the deadline.' : `Done at ${this.clock(s.t)}.`,
          consequence: good ? 'Obligation met on time.' : now === 'missed' ? 'Goodwill −3; the obligation counts as missed.' : 'Counts half.',
          good,
        });
      }
    }
  }

  private fixRootCauseWhenDue(): void {
    const s = this.state;
    const rc = s.rootCause;
    if (rc.escalatedAt === undefined || rc.fixedAt !== undefined) return;
    if (s.t < rc.escalatedAt + this.scenario.rootCause.fixMinutes * 60) return;
    rc.fixedAt = s.t;
    s.heat = clamp(s.heat * 0.6, HEAT_MIN, HEAT_MAX);
    s.goodwill = clamp(s.goodwill + 8, 0, 100);
    this.moment({
      kind: 'rootCause',
      title: 'The root cause is fixed',
      guideline: `Fix the pain point, not just the posts: ${this.scenario.rootCause.description}`,
      did: `Escalated to ${ROLE_LABELS[this.scenario.rootCause.owner]} at ${this.clock(rc.escalatedAt)}.`,
      consequence: 'Goodwill +8; the surge loses its fuel.',
      good: true,
    });
  }

  private sample(): void {
    const s = this.state;
    let sentimentSum = 0;
    let n = 0;
    for (let i = this.windowStart; i < s.posts.length; i++) {
      const p = s.posts[i]!;
      const calmed = p.replies.some((r) => r.quality > 0) || p.inDm;
      sentimentSum += Math.min(2, p.sentiment + (calmed ? 1 : 0));
      n++;
    }
    let negativeReach = 0;
    let backlog = 0;
    for (const id of this.openQueue) {
      const p = this.post(id)!;
      backlog++;
      if (p.sentiment < 0) negativeReach += p.author.followers;
    }
    s.history.push({
      t: s.t,
      sentiment: n === 0 ? 0 : Math.round((sentimentSum * 100) / n),
      goodwill: Math.round(s.goodwill),
      backlog,
      serviceLevel: this.serviceLevel(),
      negativeReach,
      declaredLevel: s.declaredLevel,
      trueLevel: s.trueLevel,
      arrivalsLastHour: s.posts.length - this.windowStart,
    });
  }

  serviceLevel(): number {
    const c = this.state.counters;
    // Open routine posts already past their target count as missed, not as pending.
    let overdue = 0;
    for (const id of this.openQueue) {
      const p = this.post(id)!;
      if (p.source === 'routine' && this.state.t - p.t > this.slaSeconds(p.channel)) overdue++;
    }
    const due = c.routineDue + overdue;
    return due === 0 ? 100 : Math.round((c.routineInTarget * 100) / due);
  }

  // ─────────────────────────── actions ───────────────────────────

  /** Applies an action at the current sim time. A rejection changes nothing. */
  apply(action: Action): Ok | Rejection {
    const s = this.state;
    if (s.over) return reject('action/run_over');
    const invalid = this.validate(action);
    if (invalid) return invalid;
    const cost = actionCost(action);
    if (cost > 0 && s.t < s.trainee.busyUntil) {
      return reject('action/agent_busy', `free at ${this.clock(s.trainee.busyUntil)}`);
    }
    this.perform(action);
    if (cost > 0) {
      s.trainee.busyUntil = s.t + cost;
      s.trainee.actions++;
    }
    s.log.push({ t: s.t, action });
    s.rng = this.rng.state();
    return OK;
  }

  /** Every check that could reject the action, before anything changes. */
  private validate(action: Action): Rejection | undefined {
    const s = this.state;
    const postAction = (id: number, hiddenIsFine = false): Rejection | undefined => {
      const p = this.post(id);
      if (!p) return reject('action/unknown_post', `#${id}`);
      if (p.status === 'closed') return reject('action/post_closed', `#${id}`);
      if (p.status === 'deleted' || (p.status === 'hidden' && !hiddenIsFine)) return reject('action/post_removed', `#${id}`);
      return undefined;
    };
    switch (action.type) {
      case 'post.dm': {
        // Hiding a post that shows personal data and then taking it to DM is the practice.
        const bad = postAction(action.postId, true);
        if (bad) return bad;
        return this.post(action.postId)!.inDm ? reject('action/already_done', 'already in DM') : undefined;
      }
      case 'post.triage':
      case 'post.hide':
      case 'post.delete':
      case 'post.close':
        return postAction(action.postId);
      case 'post.reply': {
        const bad = postAction(action.postId);
        if (bad) return bad;
        if (action.blocks.length === 0) return reject('action/empty_reply');
        if (action.position !== undefined && !this.scenario.positions.some((p) => p.id === action.position)) {
          return reject('action/unknown_position', action.position);
        }
        return undefined;
      }
      case 'post.escalate': {
        const bad = postAction(action.postId);
        if (bad) return bad;
        if (action.note.trim().length < 10) return reject('action/note_required');
        if (this.post(action.postId)!.escalatedTo.includes(action.role)) return reject('action/already_done', `already with ${ROLE_LABELS[action.role]}`);
        return undefined;
      }
      case 'thread.link': {
        const [a, b] = action.postIds;
        const bad = this.post(a) ? (this.post(b) ? undefined : reject('action/unknown_post', `#${b}`)) : reject('action/unknown_post', `#${a}`);
        if (bad) return bad;
        if (this.post(a)!.channel === this.post(b)!.channel) return reject('action/same_channel');
        if (this.post(a)!.linkedTo !== undefined || this.post(b)!.linkedTo !== undefined) return reject('action/already_done', 'already linked');
        return undefined;
      }
      case 'desk.holdingStatement':
        if (s.holdingStatementAt !== undefined) return reject('action/already_done', 'a holding statement is already out');
        if (!this.scenario.positions.some((p) => p.id === action.position)) return reject('action/unknown_position', action.position);
        return undefined;
      case 'desk.pausePromotions':
        return s.promotionsPausedAt !== undefined ? reject('action/already_done', 'promotions are already paused') : undefined;
      case 'desk.callInStaff': {
        const called = s.team.extra + s.team.pending.reduce((n, p) => n + p.count, 0);
        return called + action.count > this.scenario.team.maxExtraStaff
          ? reject('action/no_staff_left', `${this.scenario.team.maxExtraStaff - called} left`)
          : undefined;
      }
      case 'level.declare': {
        const i = this.levelIndex.get(action.level);
        if (i === undefined) return reject('action/unknown_level', action.level);
        return i === s.declaredLevel ? reject('action/already_done', 'that level is already declared') : undefined;
      }
      case 'inject.fire':
        if (!MODE_RULES[s.mode].injects) return reject('action/not_in_mode', 'injects are for practice and drills');
        if (!this.scenario.injects.some((i) => i.id === action.injectId)) return reject('action/unknown_inject', action.injectId);
        return s.firedInjects.some((f) => f.id === action.injectId) ? reject('action/already_done', 'that inject has fired') : undefined;
    }
  }

  private perform(action: Action): void {
    const s = this.state;
    switch (action.type) {
      case 'post.triage': {
        const p = this.post(action.postId)!;
        const correct = action.category === p.category;
        if (!p.triage) {
          s.counters.triageTotal++;
          if (correct) s.counters.triageCorrect++;
        }
        p.triage = { category: action.category, urgent: action.urgent, correct };
        return;
      }
      case 'post.reply':
        return this.reply(action);
      case 'post.dm': {
        const p = this.post(action.postId)!;
        p.inDm = true;
        this.markResponded(p);
        if (p.flags.includes('personalData') || p.category === 'unhappy' || p.category === 'legal') s.goodwill = clamp(s.goodwill + 0.5, 0, 100);
        this.calmIfSurge(p, 1);
        return;
      }
      case 'post.hide': {
        const p = this.post(action.postId)!;
        const allowed = p.flags.includes('abuse') || p.flags.includes('personalData');
        p.status = 'hidden';
        // A customer who exposed their own details still needs an answer, in private.
        if (!p.flags.includes('personalData')) this.removeFromQueue(p);
        if (!allowed) this.censor(p, 'hidLegitimatePost');
        return;
      }
      case 'post.delete': {
        const p = this.post(action.postId)!;
        p.status = 'deleted';
        this.removeFromQueue(p);
        // Criticism of named staff may come down once the brand has apologised, explained and invited a DM.
        const staffHandled =
          p.flags.includes('namedStaff') &&
          p.replies.some((r) => r.by === 'trainee' && ['apologise', 'explain', 'inviteDm'].every((b) => r.blocks.includes(b as never)));
        const allowed = p.flags.includes('abuse') || p.flags.includes('personalData') || staffHandled;
        if (!allowed) this.censor(p, 'deletedCriticism');
        return;
      }
      case 'post.escalate':
        return this.escalate(action.postId, action.role);
      case 'post.close': {
        const p = this.post(action.postId)!;
        const handled = p.firstResponseAt !== undefined || p.escalatedTo.length > 0 || !needsResponse(p);
        if (!handled) {
          s.goodwill = clamp(s.goodwill - 1, 0, 100);
          this.removeFromQueue(p);
        }
        p.status = 'closed';
        return;
      }
      case 'thread.link': {
        const [a, b] = action.postIds.map((id) => this.post(id)!) as [Post, Post];
        a.linkedTo = b.id;
        b.linkedTo = a.id;
        const sameIssue = (a.aboutRootCause && b.aboutRootCause) || a.author.handle === b.author.handle;
        if (sameIssue) {
          s.heat = clamp(s.heat - 3, HEAT_MIN, HEAT_MAX);
          this.did({ what: 'linkThreads' });
        }
        return;
      }
      case 'desk.holdingStatement': {
        s.holdingStatementAt = s.t;
        const inconsistent = s.position !== undefined && s.position !== action.position;
        s.position ??= action.position;
        if (inconsistent) this.breach('inconsistentAnswer');
        if (s.trueLevel >= 1) {
          s.heat = clamp(s.heat * 0.8, HEAT_MIN, HEAT_MAX);
          s.goodwill = clamp(s.goodwill + 3, 0, 100);
        }
        this.moment({
          kind: 'statement',
          title: 'Holding statement published',
          guideline: 'A timely holding statement tells everyone the brand has heard and is acting.',
          did: `Published: "${this.positionText(action.position)}"`,
          consequence: s.trueLevel >= 1 ? 'Heat −20 %, goodwill +3.' : 'Nothing was happening yet; little effect.',
          good: s.trueLevel >= 1,
        });
        this.did({ what: 'holdingStatement' });
        return;
      }
      case 'desk.pausePromotions':
        s.promotionsPausedAt = s.t;
        this.moment({ kind: 'promotions', title: 'Scheduled promotions paused', guideline: 'Business continuity: pause promotions during an incident.', did: 'Paused.', consequence: 'No tone-deaf posts mid-crisis.', good: true });
        this.did({ what: 'pausePromotions' });
        return;
      case 'desk.callInStaff':
        s.team.pending.push({ at: s.t + this.scenario.team.callInMinutes * 60, count: action.count });
        this.moment({ kind: 'staff', title: `Called in ${action.count} extra staff`, guideline: 'Be ready for unexpected volume: call in staff.', did: `They arrive in ${this.scenario.team.callInMinutes} minutes.`, consequence: 'More capacity for routine customers.', good: true });
        this.did({ what: 'callInStaff' });
        return;
      case 'level.declare': {
        const level = this.levelIndex.get(action.level)!;
        s.declaredLevel = level;
        this.tracker.send({ type: 'level.declared', level });
        const l = this.scenario.guideline.levels[level]!;
        const right = level === s.trueLevel;
        this.moment({
          kind: 'declared',
          title: `Declared ${l.name}`,
          guideline: `The situation was at ${this.scenario.guideline.levels[s.trueLevel]!.name}.`,
          did: `Declared ${l.name}.`,
          consequence: right ? 'Declared level matches the situation.' : level > s.trueLevel ? 'Above the situation: resources pulled in early.' : 'Still below the situation.',
          good: right,
        });
        return;
      }
      case 'inject.fire':
        this.fireInject(action.injectId, 'trainer');
        return;
    }
  }

  private reply(action: Extract<Action, { type: 'post.reply' }>): void {
    const s = this.state;
    const p = this.post(action.postId)!;
    const oneHourAgo = s.t - HOUR;
    let recentStandard = 0;
    for (let i = s.log.length - 1; i >= 0 && s.log[i]!.t >= oneHourAgo; i--) {
      const a = s.log[i]!.action;
      if (a.type === 'post.reply' && a.blocks.includes('standardReply')) recentStandard++;
    }
    const toAuthor = this.repliesByAuthor.get(p.author.handle) ?? 0;
    this.repliesByAuthor.set(p.author.handle, toAuthor + 1);
    const verdict = judgeReply(p, action.blocks, action.tone, action.position, {
      ...(s.position !== undefined ? { position: s.position } : {}),
      recentStandardReplies: recentStandard,
      repliesToAuthor: toAuthor,
    });
    p.replies.push({ t: s.t, by: 'trainee', blocks: [...action.blocks], tone: action.tone, ...(action.position ? { position: action.position } : {}), quality: verdict.quality });
    if (p.aboutRootCause && action.position) s.position ??= action.position;
    if (action.blocks.includes('standardReply')) s.counters.cannedReplies++;
    if (verdict.quality > 0) s.counters.goodReplies++;
    this.markResponded(p);
    s.goodwill = clamp(s.goodwill + verdict.quality * 0.3 * reachWeight(p), 0, 100);
    this.calmIfSurge(p, verdict.quality);
    for (const kind of verdict.breaches) this.breach(kind, p.id);
    if (p.source === 'instigator' && verdict.quality > 0) {
      this.moment({
        kind: 'post',
        title: `Replied to ${p.author.name}`,
        guideline: 'A timely, personal reply to the instigator takes the air out of the pile-on.',
        did: `A ${action.tone} reply at ${this.clock(s.t)}.`,
        consequence: 'Friends and family mobilise less.',
        good: true,
      });
    }
  }

  /** A good answer to surge-related anger damps the crowd; a bad one feeds it. */
  private calmIfSurge(p: Post, quality: number): void {
    if (p.source === 'routine') return;
    const s = this.state;
    s.heat = clamp(s.heat - quality * 1.5 * reachWeight(p), HEAT_MIN, HEAT_MAX);
  }

  private escalate(postId: number, role: Post['escalatedTo'][number]): void {
    const s = this.state;
    const p = this.post(postId)!;
    p.escalatedTo.push(role);
    if (p.needs && p.needs.role === role) {
      const onTime = s.t <= p.needs.deadline;
      if (onTime) s.counters.postNeedsMet++;
      else s.counters.postNeedsLate++;
      // A miss already counted becomes a late success.
      if (p.needsMissed) s.counters.postNeedsMissed--;
      this.moment({
        kind: 'post',
        title: `Post #${p.id} escalated to ${ROLE_LABELS[role]}`,
        guideline: `Needed ${ROLE_LABELS[role]} by ${this.clock(p.needs.deadline)}.`,
        did: `Escalated at ${this.clock(s.t)}.`,
        consequence: onTime ? 'On time.' : 'Late.',
        good: onTime,
      });
      // Escalated in time, a needed post is handled even before anyone replies in public.
      this.markResponded(p);
    }
    if (p.aboutRootCause && role === this.scenario.rootCause.owner && s.rootCause.escalatedAt === undefined) {
      s.rootCause.escalatedAt = s.t;
      this.did({ what: 'fixRootCause' });
      this.moment({
        kind: 'rootCause',
        title: `Root cause escalated to ${ROLE_LABELS[role]}`,
        guideline: 'Fix the root pain point in the back office, not just the posts.',
        did: `Escalated post #${p.id} with a note.`,
        consequence: `A fix is due in ${this.scenario.rootCause.fixMinutes} minutes.`,
        good: true,
      });
    }
    this.did({ what: 'escalate', role });
  }

  /** Removing legitimate criticism makes it spread (the Streisand effect). */
  private censor(p: Post, kind: BreachKind): void {
    const s = this.state;
    s.heat = clamp(s.heat + 12, HEAT_MIN, HEAT_MAX);
    this.excite(p.channel);
    this.excite(p.channel);
    this.breach(kind, p.id);
  }

  private did(deed: DeskDeed): void {
    this.tracker.send({ type: 'desk.did', deed });
    this.syncObligations();
  }

  private breach(kind: BreachKind, postId?: number): void {
    const s = this.state;
    const rule = this.scenario.guideline.forbidden.find((f) => f.kind === kind);
    const text = rule?.text ?? BREACH_DEFAULT_TEXT[kind];
    s.breaches.push({ t: s.t, kind, rule: rule?.rule ?? 'practice', text, ...(postId !== undefined ? { postId } : {}) });
    s.goodwill = clamp(s.goodwill - 4, 0, 100);
    s.heat = clamp(s.heat + 4, HEAT_MIN, HEAT_MAX);
    // The debrief teaches from the first few of each kind; the score counts them all.
    if (s.breaches.filter((b) => b.kind === kind).length <= 3) {
      this.moment({
        kind: 'breach',
        title: rule ? `Guideline ${rule.rule}: ${rule.text}` : text,
        guideline: text,
        did: postId !== undefined ? `On post #${postId}.` : '',
        consequence: 'Goodwill −4; the crowd grows more heated.',
        good: false,
      });
    }
  }

  private moment(m: Omit<KeyMoment, 't'>): void {
    this.state.moments.push({ t: this.state.t, ...m });
  }

  private channelName(id: string): string {
    return this.scenario.channels.find((c) => c.id === id)?.name ?? id;
  }

  private positionText(id: string): string {
    return this.scenario.positions.find((p) => p.id === id)?.text ?? id;
  }
}

/** How much one author's reaction counts: a large audience multiplies both harm and repair. */
function reachWeight(p: Post): number {
  return p.author.followers >= 10000 ? 2 : p.author.followers >= 1000 ? 1.5 : 1;
}
