import { hash32 } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
/** Hues far enough apart to tell neighbours in a feed apart. */
const HUES = [4, 28, 45, 90, 140, 170, 195, 215, 250, 280, 310, 335];

/** Up to two initials from a display name ("Dana Moss" → "DM"). */
export function initials(name: string): string {
  const words = name.replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  const letters = words.length >= 2 ? [words[0]![0], words[words.length - 1]![0]] : [words[0]?.[0], words[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}

/**
 * A deterministic avatar for an author: a symmetric 5×5 pattern in a colour
 * picked from their handle, with their initials over it. Drawn, never
 * downloaded, so every run and every machine shows the same face.
 */
export function avatar(handle: string, name: string, size: number): SVGSVGElement {
  const h = hash32(handle);
  const hue = HUES[h % HUES.length]!;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 10 10');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'rl-avatar');
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', '10');
  bg.setAttribute('height', '10');
  bg.setAttribute('fill', `hsl(${hue} 45% 32%)`);
  svg.append(bg);
  // Columns 0–2 from the hash bits, mirrored onto 3–4.
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 3; col++) {
      if (((h >>> (row * 3 + col + 4)) & 1) === 0) continue;
      for (const c of col === 2 ? [2] : [col, 4 - col]) {
        const r = document.createElementNS(SVG, 'rect');
        r.setAttribute('x', String(c * 2));
        r.setAttribute('y', String(row * 2));
        r.setAttribute('width', '2');
        r.setAttribute('height', '2');
        r.setAttribute('fill', `hsl(${hue} 55% 45%)`);
        svg.append(r);
      }
    }
  }
  const text = document.createElementNS(SVG, 'text');
  text.setAttribute('x', '5');
  text.setAttribute('y', '6.6');
  text.setAttribute('text-anchor', 'middle');
  text.setAttribute('font-size', '4.4');
  text.setAttribute('font-weight', '700');
  text.setAttribute('fill', '#ffffff');
  text.textContent = initials(name);
  svg.append(text);
  return svg;
}
