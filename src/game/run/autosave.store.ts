import { z } from 'zod';
import { runRecordSchema, type RunRecord } from '../../core/index';

export const AUTOSAVE_KEY = 'surge-drill.autosave.v1';

const savedRunSchema = z.strictObject({
  format: z.literal(1),
  record: runRecordSchema,
  /** Sim second the run had reached. */
  t: z.number().int().min(0),
  speed: z.number().positive().max(1000),
  savedAt: z.string().max(40),
});

export type SavedRun = z.infer<typeof savedRunSchema> & { record: RunRecord };

export type LoadedSave = { kind: 'none' } | { kind: 'ok'; save: SavedRun } | { kind: 'corrupt'; reason: string };

/**
 * The in-progress run, kept in localStorage as a run record plus the sim time
 * reached, so a reload loses nothing. A save that cannot be read is reported
 * and discarded, never silently dropped and never fatal.
 */
export class AutosaveStore {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {}

  load(): LoadedSave {
    let raw: string | null;
    try {
      raw = this.storage.getItem(AUTOSAVE_KEY);
    } catch {
      return { kind: 'none' };
    }
    if (raw === null) return { kind: 'none' };
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { kind: 'corrupt', reason: 'the saved data is not valid JSON' };
    }
    const parsed = savedRunSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { kind: 'corrupt', reason: `${issue.path.join('.') || 'save'}: ${issue.message}` };
    }
    return { kind: 'ok', save: parsed.data as SavedRun };
  }

  write(record: RunRecord, t: number, speed: number): boolean {
    const save: SavedRun = { format: 1, record, t, speed, savedAt: new Date().toISOString() };
    try {
      this.storage.setItem(AUTOSAVE_KEY, JSON.stringify(save));
      return true;
    } catch {
      // Storage full or blocked: the run goes on; only the safety net is missing.
      return false;
    }
  }

  clear(): void {
    try {
      this.storage.removeItem(AUTOSAVE_KEY);
    } catch {
      // Nothing to clear when storage is blocked.
    }
  }
}
