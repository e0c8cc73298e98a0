import { scenarioJsonSchema } from '../core/index';
import { draftPlayAddress, STUDIO_DRAFT_KEY } from '../game/run/studio-draft';
import { BalancePanel } from './balance/balance-panel';
import { h } from './dom';
import { describeProblem, type DraftCheck } from './editor/draft-check';
import { createYamlEditor, type YamlEditor } from './editor/yaml-editor';
import { renderGuidelineDrawing } from './guideline/guideline-drawing';
import { guidelineOutline } from './guideline/guideline-outline';
import { PublishPanel } from './publish-panel';
import { STARTER_YAML, StartPanel } from './start-panel';

/**
 * The studio page: the editor and its problem list on the left; the guideline's drawing,
 * the balance report, "play this draft" and publishing on the right. Every check of the
 * draft (as the author types) updates all of them, and keeps the text in this tab's
 * sessionStorage, so a reload or a trip to "play this draft" loses nothing.
 */
export function mountStudio(root: HTMLElement, storage: Storage): void {
  let latest: { check: DraftCheck; text: string } | undefined;
  const validDraft = () => (latest?.check.ok ? latest.text : undefined);

  const status = h('p', { id: 'check-status', class: 'st-status', role: 'status' }, 'Checking…');
  const problems = h('ul', { id: 'check-problems', class: 'st-problems', 'aria-label': 'Problems in the draft' });
  const editorHost = h('div', { class: 'st-editor' });
  const drawing = h('div', { id: 'guideline-drawing', class: 'st-drawing' }, h('p', {}, 'The drawing appears when the draft loads.'));
  const play = h('button', { type: 'button', id: 'play-draft' }, 'Play this draft');
  const balance = new BalancePanel(validDraft);
  const publish = new PublishPanel(validDraft, storage);

  let editor: YamlEditor | undefined;
  const start = new StartPanel((yaml, what) => {
    editor?.replace(yaml);
    status.textContent = `Started from ${what}. Ctrl-Z in the editor brings your text back.`;
    editor?.focus();
  });

  const onChecked = (check: DraftCheck, text: string) => {
    latest = { check, text };
    storage.setItem(STUDIO_DRAFT_KEY, text);
    showCheck(check, status, problems, (line, column) => editor?.goTo(line, column));
    if (check.ok) renderGuidelineDrawing(drawing, guidelineOutline(check.scenario));
    play.disabled = !check.ok;
    balance.setEnabled(check.ok);
    publish.setEnabled(check.ok);
  };

  play.addEventListener('click', () => {
    if (!latest?.check.ok) return;
    storage.setItem(STUDIO_DRAFT_KEY, latest.text);
    window.location.assign(draftPlayAddress(latest.check.scenario.id, latest.check.scenario.tutorial, window.location.search));
  });

  root.replaceChildren(
    h(
      'div',
      { class: 'st-layout' },
      h(
        'section',
        { class: 'st-panel', 'aria-labelledby': 'editor-heading' },
        h('h2', { id: 'editor-heading', tabindex: '-1' }, 'Scenario file'),
        start.element,
        h('p', { class: 'st-help', id: 'editor-help' }, 'Ctrl-Space lists what may go here; hover or move over a field for its meaning. Problems are underlined as you type; Ctrl-Shift-M lists them in the editor. Tab leaves the editor; indent with spaces.'),
        editorHost,
        status,
        problems,
      ),
      h(
        'div',
        { class: 'st-side' },
        h('section', { class: 'st-panel', 'aria-labelledby': 'drawing-heading' }, h('h2', { id: 'drawing-heading' }, 'The guideline as an escalation machine'), drawing),
        balance.element,
        h('section', { class: 'st-panel', 'aria-labelledby': 'ship-heading' }, h('h2', { id: 'ship-heading' }, 'Play and publish'), h('div', { class: 'st-row' }, play, h('span', { class: 'st-help' }, 'Opens the game in practice mode on this draft.')), publish.element),
      ),
    ),
  );
  editor = createYamlEditor(editorHost, { doc: storage.getItem(STUDIO_DRAFT_KEY) ?? STARTER_YAML, schema: scenarioJsonSchema(), label: 'Scenario YAML', onChecked });
}

function showCheck(check: DraftCheck, status: HTMLElement, list: HTMLElement, goTo: (line: number, column: number) => void): void {
  const errors = check.problems.filter((p) => p.severity === 'error').length;
  const warnings = check.problems.length - errors;
  status.className = `st-status ${check.ok ? 'st-good' : 'st-bad'}`;
  status.textContent = check.ok
    ? `The draft loads: "${check.scenario.title}"${warnings ? `, with ${warnings} warning${warnings === 1 ? '' : 's'}` : ', no warnings'}.`
    : `${errors} error${errors === 1 ? '' : 's'}: the game cannot load this draft yet.`;
  list.replaceChildren(
    ...check.problems.map((p) => {
      const button = h('button', { type: 'button' }, h('span', { class: `st-sev st-sev-${p.severity}` }, p.severity), describeProblem(p));
      button.addEventListener('click', () => goTo(p.line, p.column));
      return h('li', {}, button);
    }),
  );
}
