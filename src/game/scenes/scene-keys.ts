/** Scene keys, one per scene file. The server's scenes (leaderboard, drill lobby) add their own. */
export const SCENE = {
  boot: 'boot',
  preload: 'preload',
  menu: 'menu',
  briefing: 'briefing',
  desk: 'desk',
  pause: 'pause',
  debrief: 'debrief',
} as const;

export type SceneKey = (typeof SCENE)[keyof typeof SCENE];
