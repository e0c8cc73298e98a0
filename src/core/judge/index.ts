/** The reply judge's public surface (re-exported by the core index). */
export { judgeReply } from './judge';
export { verdictToReplyQuality, MIN_QUALITY, MAX_QUALITY } from './quality';
export * from './verdict';
