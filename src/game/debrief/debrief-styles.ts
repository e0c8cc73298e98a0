/**
 * The debrief's prose is HTML, not canvas text: it wraps, scrolls, scales with the
 * page and can be read by a screen reader. Colours are the canvas theme's, chosen
 * for at least 4.5:1 contrast on the panel; a verdict is a word and a symbol, never
 * colour alone. Sizes are in `em` of the panel's font size, which follows the canvas scale.
 */
export const DEBRIEF_CSS = `
.debrief-panel { position: fixed; z-index: 5; box-sizing: border-box; overflow-y: auto; overscroll-behavior: contain;
  background: #1a222b; color: #e6edf3; border: 1px solid #3a4756; padding: 0.6em 0.9em 1.2em;
  font-family: system-ui, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; line-height: 1.4; }
.debrief-panel:focus-visible, .debrief-panel [tabindex]:focus-visible { outline: 3px solid #ffd166; outline-offset: 2px; }
.debrief-panel h2 { font-size: 1.25em; margin: 0.5em 0 0.3em; }
.debrief-panel h3 { font-size: 1.05em; margin: 0 0 0.25em; }
.debrief-panel p { margin: 0.3em 0; }
.debrief-panel .dim { color: #b4c0cc; }
.debrief-panel .tips { margin: 0.3em 0 0.6em 1.3em; padding: 0; }
.debrief-panel .tips li { margin: 0.25em 0; }
.debrief-panel .lesson { border-left: 0.3em solid #3a4756; padding: 0.4em 0.6em; margin: 0.7em 0; background: #202a35; }
.debrief-panel .lesson.missed { border-left-color: #ff6b60; }
.debrief-panel .lesson.mixed { border-left-color: #e3b341; }
.debrief-panel .lesson.kept { border-left-color: #3fb950; }
.debrief-panel .verdict { font-weight: 700; margin-right: 0.4em; }
.debrief-panel .missed .verdict { color: #ff8a80; }
.debrief-panel .mixed .verdict { color: #f0c75e; }
.debrief-panel .kept .verdict { color: #56d364; }
.debrief-panel blockquote { margin: 0.4em 0; padding: 0.35em 0.6em; background: #f4ecd8; color: #2b2118; border-radius: 0.2em; }
.debrief-panel blockquote footer { font-size: 0.85em; color: #4a3d30; margin-top: 0.2em; }
.debrief-panel .you { margin: 0.2em 0 0.5em; }
.debrief-panel .you q { font-style: italic; }
.debrief-panel .your-words { list-style: none; margin: 0.3em 0; padding: 0; }
.debrief-panel mark { background: #ffd166; color: #1a222b; }
.debrief-panel dl { margin: 0.3em 0; }
.debrief-panel dt { font-weight: 700; margin-top: 0.35em; }
.debrief-panel dd { margin: 0 0 0 0.9em; }
.debrief-panel .model { border: 1px dashed #58a6ff; padding: 0.3em 0.5em; }
.debrief-panel .breakdown { width: 100%; border-collapse: collapse; font-size: 0.92em; }
.debrief-panel .breakdown th, .debrief-panel .breakdown td { text-align: left; padding: 0.2em 0.3em; border-bottom: 1px solid #3a4756; vertical-align: top; }
`;
