import type Phaser from 'phaser';
import type { DocLine } from '../desk/guideline-text';
import type { KeyRouter } from './key-router';
import { ScrollDoc } from './scroll-doc';
import { addText, COLOR } from './theme';

const DEPTH = 90;

/**
 * A full-screen document over the current scene (the guideline, the key list).
 * Modal for keys; Escape or its own key closes it. The scene beneath keeps
 * running: the clock does not stop to read the rulebook (pause for that).
 */
export class DocOverlay {
  private readonly objects: Phaser.GameObjects.GameObject[] = [];
  private readonly doc: ScrollDoc;
  private readonly pop: () => void;
  private closed = false;

  constructor(
    scene: Phaser.Scene,
    router: KeyRouter,
    readonly name: string,
    lines: DocLine[],
    closeKey: string,
    private readonly onClose?: () => void,
  ) {
    const x = 90;
    const y = 40;
    const w = 1100;
    const h = 640;
    this.objects.push(
      scene.add.rectangle(0, 0, 1280, 720, 0x000000, 0.7).setOrigin(0, 0).setInteractive().setDepth(DEPTH),
      scene.add.rectangle(x, y, w, h, COLOR.panel).setOrigin(0, 0).setStrokeStyle(2, COLOR.focus).setDepth(DEPTH),
      addText(scene, x + w - 20, y + 12, `[${closeKey.toUpperCase()}] or [Esc] close`, { size: 's', color: COLOR.dim }).setOrigin(1, 0).setDepth(DEPTH),
    );
    this.doc = new ScrollDoc(scene, x + 24, y + 16, w - 48, h - 32, lines, DEPTH);
    this.pop = router.push((key) => {
      if (key === 'Escape' || key === closeKey) {
        this.close();
        return true;
      }
      this.doc.handleKey(key);
      return true;
    }, true);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pop();
    this.doc.destroy();
    for (const o of this.objects) o.destroy();
    this.onClose?.();
  }
}
