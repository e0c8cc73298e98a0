/**
 * Asks for a line of text (a name, a join code) with a real HTML input over the
 * game, so typing, screen readers and mobile keyboards work as they do on any page.
 * Its keys stay inside the form; the game's keys resume when it closes. Whatever is
 * typed is only ever read back as a string, never rendered as HTML.
 */
export interface PromptOptions {
  label: string;
  value?: string;
  maxLength: number;
  hint?: string;
  /** Upper-cases input as it is typed (join codes). */
  upper?: boolean;
}

const STYLE = {
  overlay: 'position:fixed;inset:0;display:flex;align-items:center;justify-content:center;background:rgba(0,0,0,.6);z-index:10',
  form: 'background:#1a222b;border:2px solid #ffd166;padding:24px;min-width:420px;color:#e6edf3;font:18px system-ui,sans-serif',
  input: 'display:block;width:100%;box-sizing:border-box;margin:12px 0;padding:8px;font:20px system-ui,sans-serif;background:#0f1419;color:#e6edf3;border:1px solid #9aa7b4',
  hint: 'color:#9aa7b4;font-size:14px;margin:0 0 12px',
  button: 'margin-right:12px;padding:8px 16px;font:16px system-ui,sans-serif',
};

export function promptText(options: PromptOptions, doc: Document = document): Promise<string | undefined> {
  return new Promise((resolve) => {
    const previous = doc.activeElement as HTMLElement | null;
    const overlay = doc.createElement('div');
    overlay.setAttribute('style', STYLE.overlay);
    const form = doc.createElement('form');
    form.setAttribute('style', STYLE.form);
    form.setAttribute('aria-label', options.label);
    const label = doc.createElement('label');
    label.textContent = options.label;
    const input = doc.createElement('input');
    input.type = 'text';
    input.maxLength = options.maxLength;
    input.value = options.value ?? '';
    input.autocomplete = 'off';
    input.setAttribute('style', STYLE.input);
    if (options.upper) input.style.textTransform = 'uppercase';
    label.append(input);
    form.append(label);
    if (options.hint) {
      const hint = doc.createElement('p');
      hint.textContent = options.hint;
      hint.setAttribute('style', STYLE.hint);
      form.append(hint);
    }
    const ok = doc.createElement('button');
    ok.type = 'submit';
    ok.textContent = 'OK (Enter)';
    ok.setAttribute('style', STYLE.button);
    const cancel = doc.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel (Esc)';
    cancel.setAttribute('style', STYLE.button);
    form.append(ok, cancel);
    overlay.append(form);

    const close = (value: string | undefined) => {
      overlay.remove();
      previous?.focus();
      resolve(value);
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = options.upper ? input.value.toUpperCase() : input.value;
      close(value.trim());
    });
    cancel.addEventListener('click', () => close(undefined));
    // Keys typed here are the form's, not the game's.
    form.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') close(undefined);
    });
    form.addEventListener('keyup', (e) => e.stopPropagation());
    doc.body.append(overlay);
    input.focus();
    input.select();
  });
}
