import type { Reveal } from './profile.store';

/**
 * Shows a claim key or team code once, in a real HTML dialog over the game (so
 * screen readers, selection and the clipboard work as on any page), with a Copy
 * button. Keys pressed inside stay inside; Esc or the close button ends it. The
 * secret is set as text, never as HTML.
 */

const STYLE = {
  overlay: 'position:fixed;inset:0;display:flex;align-items:center;justify-content:center;background:rgba(0,0,0,.6);z-index:10',
  dialog: 'background:#1a222b;border:2px solid #ffd166;padding:24px;max-width:560px;color:#e6edf3;font:18px system-ui,sans-serif',
  heading: 'margin:0 0 12px;font-size:22px',
  secret: 'display:block;margin:12px 0;padding:10px;background:#0f1419;border:1px solid #9aa7b4;font:22px ui-monospace,monospace;letter-spacing:1px;user-select:all',
  status: 'min-height:1.4em;color:#9aa7b4;font-size:14px;margin:0 0 12px',
  button: 'margin-right:12px;padding:8px 16px;font:16px system-ui,sans-serif',
};

export function describeReveal(reveal: Reveal): { title: string; text: string } {
  if (reveal.kind === 'claimKey') {
    return {
      title: `Your claim key for “${reveal.name}”`,
      text:
        `This key makes “${reveal.name}” yours: later ranked runs under this name need it, so nobody else can post as you. ` +
        'This browser keeps it. Save a copy somewhere safe (a password manager) to play as you on another device: enter it there under Leaderboards, N. ' +
        'It is shown only this once; the server keeps only a fingerprint of it.',
    };
  }
  return {
    title: `Team code for “${reveal.name}”`,
    text:
      `Give this code to your team's members: runs under “${reveal.name}” need it, so nobody outside the team can change its standing. ` +
      'Members enter it under Leaderboards, N. It is shown only this once; the server keeps only a fingerprint of it.',
  };
}

let nextId = 0;

export function showSecret(reveal: Reveal, doc: Document = document): Promise<void> {
  return new Promise((resolve) => {
    const id = `claim-dialog-${nextId++}`;
    const previous = doc.activeElement as HTMLElement | null;
    const { title, text } = describeReveal(reveal);
    const overlay = doc.createElement('div');
    overlay.setAttribute('style', STYLE.overlay);
    const dialog = doc.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', `${id}-title`);
    dialog.setAttribute('aria-describedby', `${id}-text`);
    dialog.setAttribute('style', STYLE.dialog);
    const heading = doc.createElement('h2');
    heading.id = `${id}-title`;
    heading.textContent = title;
    heading.setAttribute('style', STYLE.heading);
    const body = doc.createElement('p');
    body.id = `${id}-text`;
    body.textContent = text;
    const secret = doc.createElement('code');
    secret.textContent = reveal.secret;
    secret.setAttribute('style', STYLE.secret);
    secret.setAttribute('aria-label', reveal.kind === 'claimKey' ? 'Claim key' : 'Team code');
    const status = doc.createElement('p');
    status.setAttribute('role', 'status');
    status.setAttribute('style', STYLE.status);
    const copy = doc.createElement('button');
    copy.type = 'button';
    copy.textContent = 'Copy';
    copy.setAttribute('style', STYLE.button);
    const done = doc.createElement('button');
    done.type = 'button';
    done.textContent = 'I have saved it (Esc)';
    done.setAttribute('style', STYLE.button);
    dialog.append(heading, body, secret, status, copy, done);
    overlay.append(dialog);

    const close = () => {
      overlay.remove();
      previous?.focus();
      resolve();
    };
    copy.addEventListener('click', () => {
      const clipboard = doc.defaultView?.navigator.clipboard;
      const fallback = () => {
        // Without clipboard access (an insecure origin, a refusal) the text is selected for Ctrl+C.
        const range = doc.createRange();
        range.selectNodeContents(secret);
        doc.getSelection()?.removeAllRanges();
        doc.getSelection()?.addRange(range);
        status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
      };
      if (!clipboard) return fallback();
      clipboard.writeText(reveal.secret).then(() => (status.textContent = 'Copied to the clipboard.'), fallback);
    });
    done.addEventListener('click', close);
    // Keys pressed here are the dialog's, not the game's; Tab stays between its two buttons.
    dialog.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') close();
      if (e.key === 'Tab') {
        e.preventDefault();
        (doc.activeElement === copy ? done : copy).focus();
      }
    });
    dialog.addEventListener('keyup', (e) => e.stopPropagation());
    doc.body.append(overlay);
    copy.focus();
  });
}

/** Shows every secret not yet shown, one dialog after another, marking each as seen when closed. */
export async function showPendingReveals(profile: { pendingReveals(): readonly Reveal[]; revealed(reveal: Reveal): void }, doc: Document = document): Promise<void> {
  for (const reveal of [...profile.pendingReveals()]) {
    await showSecret(reveal, doc);
    profile.revealed(reveal);
  }
}
