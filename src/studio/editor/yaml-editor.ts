import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorView, hoverTooltip } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { stateExtensions } from 'codemirror-json-schema';
import { yamlCompletion, yamlSchemaHover } from 'codemirror-json-schema/yaml';
import { checkDraft, describeProblem, type DraftCheck } from './draft-check';

/**
 * The YAML editor: CodeMirror 6 with YAML highlighting, completion and hover docs from
 * the scenario's JSON Schema (codemirror-json-schema), and the game's loader as its
 * linter, so every error and warning is underlined where it is and says what it is.
 * Tab is left to move focus (keyboard users must be able to leave the editor); indent
 * with spaces, Enter or Ctrl-].
 */

/** How long typing must pause before the draft is checked again. */
const CHECK_DELAY_MS = 300;

export interface YamlEditor {
  text(): string;
  /** Replaces the whole text; Ctrl-Z brings the old one back. */
  replace(text: string): void;
  /** Puts the cursor at a line and column and focuses the editor. */
  goTo(line: number, column: number): void;
  focus(): void;
}

export interface YamlEditorOptions {
  doc: string;
  schema: Record<string, unknown>;
  /** The editor's accessible name. */
  label: string;
  /** Called after every check with the text it checked. */
  onChecked(check: DraftCheck, text: string): void;
}

export function createYamlEditor(parent: HTMLElement, opts: YamlEditorOptions): YamlEditor {
  const checker = linter(
    (view) => {
      const text = view.state.doc.toString();
      const check = checkDraft(text);
      opts.onChecked(check, text);
      return check.problems.map((p): Diagnostic => ({ from: p.from, to: p.to, severity: p.severity, message: describeProblem(p), source: 'surge-drill check' }));
    },
    { delay: CHECK_DELAY_MS },
  );
  const view = new EditorView({
    parent,
    doc: opts.doc,
    extensions: [
      basicSetup,
      yaml(),
      yamlLanguage.data.of({ autocomplete: yamlCompletion() }),
      hoverTooltip(yamlSchemaHover()),
      stateExtensions(opts.schema as Parameters<typeof stateExtensions>[0]),
      checker,
      lintGutter(),
      // Summaries and rule texts are prose; wrapped lines keep them readable without sideways scrolling.
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': opts.label, tabindex: '0' }),
      studioTheme,
    ],
  });
  return {
    text: () => view.state.doc.toString(),
    replace(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    goTo(line, column) {
      const l = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
      const pos = Math.min(l.from + column - 1, l.to);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      view.focus();
    },
    focus: () => view.focus(),
  };
}

/** Readable contrast for the parts CodeMirror's default light theme draws pale (line numbers, tooltips). */
const studioTheme = EditorView.theme({
  '&': { fontSize: '14px', backgroundColor: '#ffffff' },
  '.cm-content': { fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace' },
  '.cm-gutters': { backgroundColor: '#eef1f4', color: '#4a5562', borderRight: '1px solid #c5ccd4' },
  '.cm-activeLineGutter': { backgroundColor: '#dde3ea', color: '#14181d' },
  '.cm-tooltip': { maxWidth: '42em', color: '#14181d', backgroundColor: '#ffffff' },
  '.cm-tooltip-lint .cm-diagnostic': { whiteSpace: 'pre-wrap' },
});
