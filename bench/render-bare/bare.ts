import Phaser from 'phaser';

/**
 * The baseline for bench/render.bench.ts: a scene with nothing but what the desk drew (its
 * visible rectangles at their sizes, its texts with their words and font sizes, as many
 * graphics), with the same renderer. Whatever the desk costs above this is its own.
 * Software WebGL's frame cost is mostly the area filled, so the rectangles keep their boxes.
 * The bench hands the spec over as `window.bareSpec` before the page loads; without one, the
 * counts in the address are drawn as small boxes and sample texts.
 */
interface BareSpec {
  rectangles: { x: number; y: number; w: number; h: number }[];
  texts: { text: string; x: number; y: number; px: number }[];
  graphics: number;
}

const q = new URLSearchParams(window.location.search);
const count = (name: string) => Math.max(0, Number(q.get(name) ?? 0) | 0);
const renderer = q.get('renderer') === 'webgl' ? Phaser.WEBGL : q.get('renderer') === 'canvas' ? Phaser.CANVAS : Phaser.AUTO;
const SAMPLE = 'Same happened to my mum at Ilkley in March. Last train…';

const spec: BareSpec = (window as unknown as { bareSpec?: BareSpec }).bareSpec ?? {
  rectangles: Array.from({ length: count('Rectangle') }, (_, i) => ({ x: (i % 8) * 160, y: Math.floor(i / 8) * 40, w: 150, h: 36 })),
  texts: Array.from({ length: count('Text') }, (_, i) => ({ text: SAMPLE.slice(0, 20 + (i % 30)), x: (i % 4) * 320 + 8, y: Math.floor(i / 4) * 22 + 4, px: 12 + (i % 4) * 4 })),
  graphics: count('Graphics'),
};

class BareScene extends Phaser.Scene {
  create(): void {
    for (const r of spec.rectangles) this.add.rectangle(r.x, r.y, r.w, r.h, 0x1a222b).setOrigin(0, 0).setStrokeStyle(1, 0x3a4756);
    for (let i = 0; i < spec.graphics; i++) {
      const g = this.add.graphics();
      g.lineStyle(2, 0xe3b341, 1).beginPath();
      for (let k = 0; k < 90; k++) g.lineTo(i * 150 + k, 40 + Math.sin(k / 7 + i) * 10);
      g.strokePath();
    }
    // Texts over the shapes, as the desk draws them.
    for (const t of spec.texts) this.add.text(t.x, t.y, t.text, { fontFamily: 'sans-serif', fontSize: `${t.px}px`, color: '#e6edf3' }).setDepth(1);
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
