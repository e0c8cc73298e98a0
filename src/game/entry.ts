import './zod-without-eval';
import { startGame } from './main';

const parent = document.getElementById('game');
if (!parent) throw new Error('index.html must have an element with id "game"');
startGame(parent);
