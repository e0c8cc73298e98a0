import type { Announcer } from '../a11y/announcer';
import type { AudioService } from '../audio/audio.service';
import type { RunController } from '../run/run-controller';
import type { RunEvent } from '../run/run-watcher';
import type { CitationSlip } from './citation-slip.view';
import { breachWords, noteGaps, noteWords } from './citation-words';
import { FLAG_LABEL, formatDuration, formatFollowers } from './labels';

/** A post worth a spoken word: flagged, or from an author with a large audience. */
const LOUD_FOLLOWERS = 10_000;
/** Real milliseconds between spoken post alerts, so speech keeps up with a surge. */
const POST_ANNOUNCE_GAP_MS = 4000;

/** Scenario texts may or may not end with a full stop; speech needs exactly one. */
const bare = (text: string) => text.replace(/[.\s]+$/, '');
const sentence = (text: string) => `${bare(text)}.`;

/**
 * Presents what the core reported: sound (ticks, stamp, alert, sting), speech
 * in the live regions, and the citation slip. Only the core's decisions are
 * shown; nothing here changes the run.
 */
export class EventPresenter {
  private lastPostAnnounce = -Infinity;
  private pendingLoud = 0;

  constructor(
    private readonly run: RunController,
    private readonly audio: AudioService,
    private readonly announcer: Announcer,
    private readonly slip: CitationSlip,
  ) {}

  present(events: RunEvent[], nowMs: number): void {
    const sim = this.run.sim;
    const s = sim.state;
    for (const e of events) {
      switch (e.kind) {
        case 'posts': {
          this.audio.ticks(e.toIndex - e.fromIndex, nowMs);
          for (let i = e.fromIndex; i < e.toIndex; i++) {
            const p = s.posts[i]!;
            const loud = p.flags.length > 0 || p.author.followers >= LOUD_FOLLOWERS;
            if (!loud) continue;
            if (nowMs - this.lastPostAnnounce >= POST_ANNOUNCE_GAP_MS) {
              this.lastPostAnnounce = nowMs;
              const channel = sim.scenario.channels.find((c) => c.id === p.channel)?.name ?? p.channel;
              const flags = p.flags.map((f) => FLAG_LABEL[f].toLowerCase()).join(', ');
              const more = this.pendingLoud > 0 ? ` (${this.pendingLoud} more flagged posts since the last alert)` : '';
              this.pendingLoud = 0;
              this.announcer.say(`Post #${p.id} on ${channel} from ${p.author.handle}, ${formatFollowers(p.author.followers)} followers${flags ? `: ${flags}` : ''}.${more}`);
            } else this.pendingLoud++;
          }
          break;
        }
        case 'breach': {
          this.audio.play('stamp');
          this.slip.show(e.breach, sim.clock(e.breach.t), nowMs, breachWords(s, e.breach));
          const rule = e.breach.rule === 'practice' ? 'Good practice' : `Guideline ${e.breach.rule}`;
          this.announcer.say(`Citation. ${rule}: ${sentence(e.breach.text)}`, true);
          break;
        }
        case 'deadlineNear':
          this.audio.play('alert');
          this.announcer.say(`Deadline near: rule ${e.obligation.rule}, ${bare(e.obligation.text)}, due ${sim.clock(e.obligation.deadline)}, ${formatDuration(e.secondsLeft)} left.`, true);
          break;
        case 'obligation': {
          const o = e.obligation;
          if (o.status === 'open') {
            this.audio.play('alert');
            this.announcer.say(`New obligation: rule ${o.rule}, ${bare(o.text)}, due ${sim.clock(o.deadline)}.`);
          } else if (o.status === 'missed') {
            this.audio.play('alert');
            this.announcer.say(`Missed: rule ${o.rule}, ${sentence(o.text)}`, true);
          } else if (o.status === 'met' || o.status === 'metLate') {
            this.announcer.say(`Rule ${o.rule} ${o.status === 'met' ? 'met' : 'met late'}.`);
          }
          break;
        }
        case 'declared':
          this.audio.play('level');
          this.announcer.say(`Declared level: ${sim.scenario.guideline.levels[e.level]!.name}.`);
          break;
        case 'moment':
          // A role's questions about a note: seen at once on the slip, with what the note left out.
          if (e.moment.kind === 'note') {
            this.audio.play('alert');
            this.slip.showQuestions(e.moment, sim.clock(e.moment.t), nowMs, noteWords(s, e.moment));
            this.announcer.say(`${sentence(e.moment.title)} ${sentence(noteGaps(e.moment))} ${sentence(e.moment.consequence)}`, true);
            break;
          }
          // Injects and the instigator are news; the rest is already said by the events above.
          if (e.moment.kind === 'inject' || e.moment.kind === 'instigator' || e.moment.kind === 'rootCause' || e.moment.kind === 'promotions') {
            this.announcer.say(`${sentence(e.moment.title)}${e.moment.consequence ? ` ${sentence(e.moment.consequence)}` : ''}`);
          }
          break;
        case 'over':
          this.announcer.say('End of shift.');
          break;
      }
    }
  }
}
