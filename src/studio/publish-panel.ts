import { h } from './dom';
import { publishScenario } from './server/scenario-api';

/**
 * Publishing: the author key is typed into a password field and sent only in the
 * Authorization header. It stays in this tab's sessionStorage only if the author asks
 * (so a second publish needs no retyping), never in localStorage or the address.
 */

const KEY_STORAGE = 'surge-drill.author-key';

export class PublishPanel {
  readonly element: HTMLElement;
  private readonly key = h('input', { type: 'password', id: 'author-key', autocomplete: 'off', spellcheck: 'false' });
  private readonly remember = h('input', { type: 'checkbox', id: 'author-key-remember' });
  private readonly publish = h('button', { type: 'button', id: 'publish' }, 'Publish to the server');
  private readonly status = h('div', { id: 'publish-status', role: 'status' });

  constructor(
    private readonly draft: () => string | undefined,
    private readonly storage: Storage,
  ) {
    const kept = storage.getItem(KEY_STORAGE);
    if (kept) {
      this.key.value = kept;
      this.remember.checked = true;
    }
    this.remember.addEventListener('change', () => {
      if (!this.remember.checked) storage.removeItem(KEY_STORAGE);
    });
    this.publish.addEventListener('click', () => void this.send());
    this.element = h(
      'div',
      {},
      h('h3', {}, 'Publish'),
      h('div', { class: 'st-row' }, h('label', { for: 'author-key' }, 'Author key'), this.key),
      h('div', { class: 'st-row' }, this.remember, h('label', { for: 'author-key-remember' }, 'Keep the key in this tab until it closes')),
      h('div', { class: 'st-row' }, this.publish),
      this.status,
    );
  }

  setEnabled(enabled: boolean): void {
    this.publish.disabled = !enabled;
  }

  private async send(): Promise<void> {
    const yaml = this.draft();
    const key = this.key.value.trim();
    if (yaml === undefined) return this.say('Fix the draft\'s errors first: the server refuses a broken file.');
    if (!key) {
      this.key.focus();
      return this.say('Type the author key first (the server operator sets it).');
    }
    if (this.remember.checked) this.storage.setItem(KEY_STORAGE, key);
    this.say('Publishing…');
    const r = await publishScenario(yaml, key);
    if (r.ok) return this.say(`Published ${r.value.id}, version ${r.value.version} (${r.value.hash}). It is in the game's menu now.`);
    const why = r.status === 401 ? 'the author key was not accepted' : r.reason;
    this.say(`Not published: ${why}.`, r.problems?.map((p) => `line ${p.line}, column ${p.column} · ${p.field ? `${p.field}: ` : ''}${p.message}`));
  }

  private say(message: string, details: string[] = []): void {
    const list = details.length ? [h('ul', {}, ...details.map((d) => h('li', {}, d)))] : [];
    this.status.replaceChildren(h('p', {}, message), ...list);
  }
}
