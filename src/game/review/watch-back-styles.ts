/**
 * The watch-back dialog covers the game with a scrolling page of HTML: two columns
 * (the trainee's shift and a model shift) at wide sizes, one above the other at
 * narrow ones. Colours are the debrief's (at least 4.5:1 on the panel).
 */
export const WATCH_BACK_CSS = `
.wb-backdrop { position: fixed; inset: 0; z-index: 20; background: rgba(10, 14, 19, 0.85); display: flex; justify-content: center; align-items: stretch; }
.watch-back { box-sizing: border-box; width: min(1200px, 100vw); max-height: 100vh; overflow-y: auto; background: #1a222b; color: #e6edf3;
  border: 1px solid #3a4756; padding: 0.8rem 1.1rem 1.2rem; font: 15px/1.4 system-ui, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
.watch-back h2 { font-size: 1.3em; margin: 0 0 0.3em; }
.watch-back h3 { font-size: 1.1em; margin: 0.2em 0; }
.watch-back h4 { font-size: 0.95em; margin: 0.6em 0 0.2em; color: #b4c0cc; }
.watch-back :focus-visible { outline: 3px solid #ffd166; outline-offset: 2px; }
.watch-back .wb-help { color: #b4c0cc; margin: 0 0 0.5em; }
.wb-scrub { display: flex; gap: 0.8em; align-items: center; }
.wb-scrub input { flex: 1; accent-color: #58a6ff; }
.wb-clock { font-weight: 700; font-size: 1.2em; min-width: 4em; }
.wb-moments { display: flex; flex-wrap: wrap; gap: 0.3em; list-style: none; padding: 0.2em; margin: 0.5em 0; max-height: 4.6em; overflow-y: auto; border: 1px solid #3a4756; }
.wb-moments button, .wb-close { background: #202a35; color: #e6edf3; border: 1px solid #3a4756; border-radius: 0.3em; padding: 0.2em 0.5em; font: inherit; cursor: pointer; }
.wb-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
@media (max-width: 900px) { .wb-columns { grid-template-columns: 1fr; } }
.wb-side { background: #202a35; padding: 0.5em 0.8em; border-left: 0.3em solid #58a6ff; }
.wb-model { border-left-color: #3fb950; }
.wb-side ul, .wb-side ol { margin: 0.2em 0; padding-left: 1.2em; }
.wb-feed { list-style: none; padding: 0 !important; }
.wb-feed li { border-top: 1px solid #3a4756; padding: 0.3em 0; }
.wb-feed p { margin: 0.15em 0 0; }
.wb-who { color: #b4c0cc; margin-right: 0.5em; }
.wb-status { font-size: 0.85em; font-weight: 700; text-transform: uppercase; }
.wb-waiting { color: #f0c75e; }
.wb-answered { color: #56d364; }
.wb-hidden, .wb-deleted, .wb-closed { color: #ff8a80; }
.wb-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.wb-close { margin-top: 0.8em; }
`;
