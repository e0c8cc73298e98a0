import { startGame } from '../../src/game/main';
import { DrillJoinScene } from '../../src/game/scenes/drill-join.scene';
import { DrillTrainerScene } from '../../src/game/scenes/drill-trainer.scene';
import { LeaderboardScene } from '../../src/game/scenes/leaderboard.scene';
import { NET_SCENE } from '../../src/game/scenes/net-base.scene';

/**
 * Test page: the real game plus the server-backed scenes, opened straight on the
 * scene named by `?scene=` once the menu is up (the menu's own entries for them are
 * the game's to add).
 */
const { game, services } = startGame(document.getElementById('game')!);
game.scene.add(NET_SCENE.leaderboard, new LeaderboardScene(services));
game.scene.add(NET_SCENE.drillJoin, new DrillJoinScene(services));
game.scene.add(NET_SCENE.drillTrainer, new DrillTrainerScene(services));

const wanted = new URLSearchParams(window.location.search).get('scene');
const timer = setInterval(() => {
  if (!wanted || services.session.scene !== 'menu') return;
  clearInterval(timer);
  game.scene.stop('menu');
  game.scene.start(wanted);
}, 50);
