/**
 * The studio's entry: small on purpose. The page (CodeMirror, the checker, the
 * drawing) is its own lazily loaded chunk and the balance report its own worker,
 * so nothing here reaches the game's app chunk.
 */
// First, before any schema parses: the server's CSP allows no eval.
import '../game/zod-without-eval';

const root = document.getElementById('studio');
if (!root) throw new Error('studio.html must have an element with id "studio"');
void import('./studio-page').then(({ mountStudio }) => mountStudio(root, window.sessionStorage));
