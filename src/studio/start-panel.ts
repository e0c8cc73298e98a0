import { h } from './dom';
import { listScenarios, scenarioYaml } from './server/scenario-api';
import starterYaml from './templates/my-first-scenario.yaml?raw';

/**
 * "Start from": the shipped template, or any scenario the server lists (its latest
 * version). Loading replaces the editor's text; Ctrl-Z in the editor brings it back.
 */

const TEMPLATE = 'template';

export const STARTER_YAML = starterYaml;

export class StartPanel {
  readonly element: HTMLElement;
  private readonly select = h('select', { id: 'start-from' }, h('option', { value: TEMPLATE }, 'Template: a small complete scenario'));
  private readonly load = h('button', { type: 'button', id: 'start-load', class: 'st-quiet' }, 'Start from this');
  private readonly status = h('span', { id: 'start-status', role: 'status' });

  constructor(private readonly replace: (yaml: string, what: string) => void) {
    this.load.addEventListener('click', () => void this.start());
    this.element = h('div', { class: 'st-row' }, h('label', { for: 'start-from' }, 'Start from'), this.select, this.load, this.status);
    void this.fillFromServer();
  }

  private async fillFromServer(): Promise<void> {
    const listed = await listScenarios();
    if (!listed.ok) {
      this.status.textContent = `Only the template is offered: ${listed.reason}.`;
      return;
    }
    for (const s of listed.value) this.select.append(h('option', { value: s.id }, `${s.title} (${s.id})`));
  }

  private async start(): Promise<void> {
    const choice = this.select.value;
    if (choice === TEMPLATE) {
      this.replace(STARTER_YAML, 'the template');
      return;
    }
    this.status.textContent = `Loading ${choice}…`;
    const got = await scenarioYaml(choice);
    if (!got.ok) {
      this.status.textContent = `Could not load ${choice}: ${got.reason}.`;
      return;
    }
    this.status.textContent = '';
    this.replace(got.value, `"${choice}" from the server`);
  }
}
