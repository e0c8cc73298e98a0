import type Phaser from 'phaser';
import { ApiRequestError } from '../net/api-client';
import { DrillTrainee } from '../net/drill-trainee';
import { netServices } from '../net/net-services';
import { NAME_MAX } from '../net/profile.store';
import { describeStatus } from '../net/ranked-attempts';
import { promptText } from '../net/text-prompt';
import { RunController } from '../run/run-controller';
import { findEntry } from '../run/scenario-catalog';
import type { GameServices } from '../session';
import { Button } from '../ui/button';
import { addPanel, addText, COLOR, lineHeight } from '../ui/theme';
import { NET_SCENE, NetBaseScene } from './net-base.scene';
import { prefetchScene, startScene } from './scene-loader';
import { SCENE } from './scene-keys';

/**
 * A trainee joins a trainer's drill with its code and a name, then waits in the
 * lobby until the trainer starts; the shift then opens at the desk on the drill's
 * scenario and seed. Coming back here after the shift shows whether the run was
 * verified.
 */
export class DrillJoinScene extends NetBaseScene {
  private lines!: { title: Phaser.GameObjects.Text; body: Phaser.GameObjects.Text; status: Phaser.GameObjects.Text };

  constructor(services: GameServices) {
    super(NET_SCENE.drillJoin, services);
  }

  create(): void {
    this.begin();
    // The trainer may start the drill at any moment: the desk downloads now, so it opens at once.
    prefetchScene(this.game, this.services, SCENE.desk);
    addText(this, 40, 24, 'JOIN A DRILL', { size: 'xl', bold: true, color: COLOR.focus });
    addPanel(this, 30, 100, 1220, 480);
    this.lines = {
      title: addText(this, 56, 120, '', { size: 'l', bold: true, wrap: 1160 }),
      body: addText(this, 56, 120 + lineHeight('l') * 2, '', { size: 'm', wrap: 1160 }),
      status: addText(this, 56, 500, '', { size: 'm', color: COLOR.warn, wrap: 1160 }),
    };
    const leave = () => this.leave();
    new Button(this, 40, 620, 320, 48, 'Leave the drill', leave, { hotkey: 'Esc' });
    this.keys.push((key) => {
      if (key === 'Escape') leave();
      else if (key === 'j' && !netServices().drill) void this.join();
      else return false;
      return true;
    });
    const drill = netServices().drill;
    if (drill) this.showLobby();
    else void this.join();
  }

  private async join(): Promise<void> {
    const net = netServices();
    this.lines.title.setText('Enter the join code your trainer shows.');
    this.lines.body.setText('Press J to type the code again, Esc to go back to the menu.');
    const code = await promptText({ label: 'Drill join code', maxLength: 12, upper: true, hint: 'Six letters and digits, e.g. K7QX2M.' });
    if (!code) return;
    const name = await promptText({ label: 'Your name in this drill', value: net.profile.get().name, maxLength: NAME_MAX, hint: 'Your trainer and the results export will show it.' });
    if (!name) return;
    try {
      const joined = await net.api.joinDrill(code, name);
      const entry = findEntry(this.services.catalog, joined.scenarioId);
      if (!entry || entry.hash !== joined.scenarioHash) {
        this.lines.status.setText(`✗ This copy of the game has a different version of the drill's scenario (${joined.scenarioId}); reload the page and join again.`);
        return;
      }
      net.drill = new DrillTrainee(joined, net.api, net.queue, {
        start: () => this.startShift(),
        say: (message, urgent) => this.services.announcer.say(message, urgent),
        status: () => this.scene.isActive() && this.showLobby(),
        submitted: (status) => {
          this.services.announcer.say(describeStatus(status), status.state === 'refused');
          if (this.scene.isActive()) this.lines.status.setText(describeStatus(status));
        },
      });
      if (this.scene.isActive()) this.showLobby();
    } catch (err) {
      const reason = err instanceof ApiRequestError ? err.message : String(err);
      this.lines.status.setText(`✗ Could not join: ${reason}. Press J to try again.`);
      this.services.announcer.say(`Could not join: ${reason}`, true);
    }
  }

  private showLobby(): void {
    const drill = netServices().drill!;
    const { joined } = drill;
    const entry = findEntry(this.services.catalog, joined.scenarioId);
    this.lines.title.setText(`Drill ${joined.code}: ${entry?.scenario.title ?? joined.scenarioId}`);
    const waiting: Record<string, string> = {
      lobby: 'Waiting for the trainer to start the drill. The shift opens by itself when they do.',
      running: 'The drill is running.',
      paused: 'The trainer has paused the drill.',
      ended: 'The drill has ended. Thank you for taking part.',
    };
    this.lines.body.setText(`You are ${joined.name}.\n\n${waiting[drill.drillStatus]}\n\n${entry?.scenario.summary ?? ''}`);
    this.services.announcer.say(`Drill ${joined.code}. ${waiting[drill.drillStatus]}`);
  }

  /** The trainer started: open the desk on the drill's scenario and seed, in drill mode. */
  private startShift(): void {
    const drill = netServices().drill;
    if (!drill) return;
    const entry = findEntry(this.services.catalog, drill.joined.scenarioId);
    if (!entry) return;
    // Drill runs play at the ranked pace; the trainer, not the trainee, pauses them.
    const run = RunController.start({ entry, seed: drill.joined.seed, mode: 'drill', speed: 1 });
    this.services.session.run = run;
    this.services.session.finished = undefined;
    drill.attach(run);
    this.services.announcer.say('The trainer started the drill. The shift begins.', true);
    void startScene(this, this.services, SCENE.desk);
  }

  private leave(): void {
    const net = netServices();
    const drill = net.drill;
    // A finished run is already queued; leaving only stops following the drill.
    if (drill && (drill.drillStatus === 'lobby' || drill.drillStatus === 'ended' || this.services.session.run === undefined)) {
      drill.close();
      net.drill = undefined;
    }
    this.scene.start(SCENE.menu);
  }
}
