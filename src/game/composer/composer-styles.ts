/**
 * The composer's look: the reading layer's colours (at least 4.5:1 on the panel) and
 * its sizes, in CSS px scaled only by the text-size setting, so the words keep their
 * size however small the window. The post pane and the form sit side by side in one
 * grid and each scrolls on its own, so neither can cover the other.
 */
export const COMPOSER_CSS = `
.cz { position: fixed; inset: auto; margin: 0; padding: 0; max-width: none; max-height: none; box-sizing: border-box; overflow: hidden;
  display: flex; flex-direction: column; background: #1a222b; color: #e6edf3; border: 2px solid #ffd166;
  font: calc(14px * var(--cz-text, 1)) / 1.35 system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
.cz::backdrop { background: rgba(0, 0, 0, 0.6); }
.cz p, .cz h2, .cz h3, .cz ul, .cz blockquote, .cz fieldset { margin: 0; }
.cz :focus-visible { outline: 3px solid #ffd166; outline-offset: 1px; }
.cz-head { flex: none; padding: 8px 14px 6px; border-bottom: 1px solid #3a4756; }
.cz-head h2 { font-size: 1.3em; }
.cz-dim { color: #a9b5c1; }
.cz-body { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); }
.cz-beside { min-height: 0; overflow-y: auto; padding: 10px 12px; border-right: 1px solid #3a4756; background: #232e3a; overflow-wrap: anywhere;
  display: flex; flex-direction: column; gap: 6px; }
.cz-beside h3 { font-size: max(12px, 0.86em); font-weight: 400; color: #a9b5c1; text-transform: uppercase; }
.cz-beside blockquote { font-size: 1.12em; padding-left: 8px; border-left: 3px solid #ffd166; white-space: pre-wrap; }
.cz-beside ul { padding-left: 18px; }
.cz-beside .cz-said { border-left-color: #58a6ff; font-size: 1em; }
.cz-form { min-height: 0; overflow-y: auto; padding: 10px 14px; display: flex; flex-direction: column; gap: 6px; }
.cz-label { font-weight: 700; }
.cz-text { flex: 1 0 5.5em; min-height: 5.5em; resize: none; box-sizing: border-box; width: 100%; padding: 8px; font: inherit; font-size: 1.07em;
  background: #0f1419; color: #e6edf3; border: 1px solid #9aa7b4; border-radius: 4px; }
.cz-meta { display: flex; flex-wrap: wrap; gap: 2px 14px; align-items: baseline; }
.cz-count { font-variant-numeric: tabular-nums; font-weight: 700; }
.cz-count.cz-near { color: #e3b341; }
.cz-count.cz-over { color: #ff7b72; }
.cz-choice { border: 1px solid #3a4756; border-radius: 4px; padding: 4px 8px; display: flex; flex-wrap: wrap; gap: 2px 14px; }
.cz-choice legend { padding: 0 4px; font-weight: 700; }
.cz-option { white-space: nowrap; cursor: pointer; }
.cz-inserts { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.cz button { font: inherit; font-size: max(12px, 0.93em); padding: 3px 10px; border-radius: 4px; border: 1px solid #9aa7b4; background: #232e3a; color: #e6edf3; cursor: pointer; }
.cz .cz-insert { border-color: #58a6ff; }
.cz .cz-send { background: #ffd166; color: #1a222b; border-color: #ffd166; font-weight: 700; }
.cz .cz-discard { border-color: #ff7b72; }
.cz-buttons { display: flex; flex-wrap: wrap; gap: 6px; }
.cz-error:empty { display: none; }
.cz-error { color: #ff7b72; font-weight: 700; }
.cz-keys { font-size: max(12px, 0.86em); }
.cz mark { background: #ffd166; color: #1a222b; }
`;
