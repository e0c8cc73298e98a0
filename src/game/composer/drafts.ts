/**
 * Unsent writing, one draft per thing being written (a reply to post 12, the holding
 * statement). Closing the composer keeps the draft; only sending it or discarding it
 * on purpose removes it, so no words are lost to a stray Esc.
 */
export class DraftStore {
  private readonly drafts = new Map<string, string>();

  get(key: string): string | undefined {
    return this.drafts.get(key);
  }

  /** Keeps the text; an empty or blank text is no draft. */
  keep(key: string, text: string): void {
    if (text.trim() === '') this.drafts.delete(key);
    else this.drafts.set(key, text);
  }

  discard(key: string): void {
    this.drafts.delete(key);
  }

  has(key: string): boolean {
    return this.drafts.has(key);
  }

  /** Keys of the drafts waiting, oldest first. */
  keys(): string[] {
    return [...this.drafts.keys()];
  }
}

/** The draft key for each kind of writing: one per post, one for the desk's statement. */
export const draftKey = {
  reply: (postId: number) => `reply:${postId}`,
  dm: (postId: number) => `dm:${postId}`,
  escalate: (postId: number) => `escalate:${postId}`,
  statement: () => 'statement',
} as const;
