import Phaser from 'phaser';

/**
 * The baseline for bench/render.bench.ts: a scene with nothing but the same
 * number of visible texts, rectangles and graphics the desk drew, at the same
 * size and with the same renderer. Whatever the desk costs above this is its own.
 */
const q = new URLSearchParams(window.location.search);
const count = (name: string) => Math.max(0, Number(q.get(name) ?? 0) | 0);
const renderer = q.get('renderer') === 'webgl' ? Phaser.WEBGL : q.get('renderer') === 'canvas' ? Phaser.CANVAS : Phaser.AUTO;
const SAMPLE = 'Same happened to my mum at Ilkley in March. Last train…';

class BareScene extends Phaser.Scene {
  create(): void {
    const texts = count('Text');
    const rects = count('Rectangle');
    const graphics = count('Graphics');
    for (let i = 0; i < rects; i++) {
      this.add.rectangle((i % 8) * 160, Math.floor(i / 8) * 40, 150, 36, 0x1a222b).setOrigin(0, 0).setStrokeStyle(1, 0x3a4756);
    }
    for (let i = 0; i < texts; i++) {
      const size = 12 + (i % 4) * 4;
      this.add.text((i % 4) * 320 + 8, Math.floor(i / 4) * 22 + 4, SAMPLE.slice(0, 20 + (i % 30)), { fontFamily: 'sans-serif', fontSize: `${size}px`, color: '#e6edf3' });
    }
    for (let i = 0; i < graphics; i++) {
      const g = this.add.graphics();
      g.lineStyle(2, 0xe3b341, 1).beginPath();
      for (let k = 0; k < 90; k++) g.lineTo(i * 150 + k, 40 + Math.sin(k / 7 + i) * 10);
      g.strokePath();
    }
    (window as unknown as { bareReady: boolean }).bareReady = true;
  }
}

new Phaser.Game({
  type: renderer,
  parent: 'game',
  backgroundColor: '#0f1419',
  banner: false,
  audio: { noAudio: true },
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: 1280, height: 720 },
  scene: BareScene,
});
