/**
 * The reply judge's public entry. Separate from the core index so the game can load it
 * (and its lexicon) as a lazily loaded chunk rather than in its app bundle.
 */
export { judgeReply } from './judge';
export { verdictToReplyQuality, MIN_QUALITY, MAX_QUALITY } from './quality';
export * from './verdict';
export { judgeNote, NOTE_ELEMENTS, type NoteElement, type NoteVerdict } from './note';
