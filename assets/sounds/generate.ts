/**
 * Generates every sound the game plays, so the repository holds no downloaded
 * media: `npx tsx assets/sounds/generate.ts` rewrites the WAVs beside this file.
 * A fixed-seed noise source makes the output identical on every run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWav } from './pcm-wav';

const RATE = 22050;
const TAU = Math.PI * 2;

function seededNoise(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

const buffer = (seconds: number) => new Float32Array(Math.round(seconds * RATE));

/** Attack/decay envelope: linear rise over `attack` s, exponential fall with time constant `decay` s. */
const envelope = (t: number, attack: number, decay: number) => (t < attack ? t / attack : Math.exp(-(t - attack) / decay));

/** A soft bell-like note: a sine with a quieter octave and fifth above it. */
function addNote(out: Float32Array, start: number, freq: number, length: number, gain: number, decay = 0.25): void {
  const from = Math.round(start * RATE);
  const n = Math.min(out.length - from, Math.round(length * RATE));
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const tone = Math.sin(TAU * freq * t) + 0.3 * Math.sin(TAU * 2 * freq * t) + 0.12 * Math.sin(TAU * 3 * freq * t);
    out[from + i]! += gain * envelope(t, 0.006, decay) * tone;
  }
}

function normalise(out: Float32Array, peak: number): Float32Array {
  let max = 0;
  for (const s of out) max = Math.max(max, Math.abs(s));
  if (max > 0) for (let i = 0; i < out.length; i++) out[i]! *= peak / max;
  return out;
}

/** A new post: a short, dry click with a little pitch, like a notification on a busy desk. */
function tick(): Float32Array {
  const out = buffer(0.05);
  const noise = seededNoise(1);
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    out[i] = envelope(t, 0.001, 0.006) * (0.5 * noise() + Math.sin(TAU * 1900 * t));
  }
  return normalise(out, 0.6);
}

/** A deadline is near: two urgent, slightly rough beeps. */
function alert(): Float32Array {
  const out = buffer(0.55);
  for (const [start, freq] of [[0, 880], [0.22, 700]] as const) {
    const from = Math.round(start * RATE);
    for (let i = 0; i < Math.round(0.18 * RATE); i++) {
      const t = i / RATE;
      // A clipped sine: brighter than a pure tone, softer than a square wave.
      const tone = Math.tanh(3 * Math.sin(TAU * freq * t));
      out[from + i]! += envelope(t, 0.004, 0.09) * tone;
    }
  }
  return normalise(out, 0.55);
}

/** The declared level changed: a rising three-note sting. */
function levelSting(): Float32Array {
  const out = buffer(1.1);
  [392, 494, 587].forEach((f, i) => addNote(out, i * 0.11, f, 1.0 - i * 0.11, 1, 0.35));
  addNote(out, 0.33, 784, 0.7, 0.5, 0.3);
  return normalise(out, 0.7);
}

/** A breach: the thud of a rubber stamp on the citation slip. */
function stamp(): Float32Array {
  const out = buffer(0.3);
  const noise = seededNoise(7);
  let low = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    low += 0.08 * (noise() - low); // one-pole low-pass: a dull knock, not a hiss
    out[i] = envelope(t, 0.002, 0.05) * (3 * low + 0.8 * Math.sin(TAU * 110 * t * (1 - t)));
  }
  return normalise(out, 0.75);
}

/** End of shift, good outcome: a major arpeggio that resolves upwards. */
function outcomeGood(): Float32Array {
  const out = buffer(2.0);
  [523, 659, 784, 1047].forEach((f, i) => addNote(out, i * 0.14, f, 1.8 - i * 0.14, 1, 0.5));
  return normalise(out, 0.7);
}

/** End of shift, poor outcome: a slow minor fall. */
function outcomePoor(): Float32Array {
  const out = buffer(2.0);
  [440, 392, 349, 330].forEach((f, i) => addNote(out, i * 0.22, f, 1.7 - i * 0.2, 1, 0.45));
  addNote(out, 0.9, 262, 1.1, 0.6, 0.6);
  return normalise(out, 0.6);
}

/**
 * The office: a low hum and muffled room noise. Eight seconds that loop without
 * a seam: the tail is cross-faded into the head, and the hum fits whole cycles.
 */
function ambience(): Float32Array {
  const seconds = 8;
  const fade = Math.round(0.5 * RATE);
  const raw = buffer(seconds + 0.5);
  const noise = seededNoise(42);
  let brown = 0;
  let room = 0;
  for (let i = 0; i < raw.length; i++) {
    const t = i / RATE;
    brown = 0.995 * brown + 0.02 * noise();
    room += 0.08 * (brown - room);
    // Mains-like hum a laptop speaker can still reproduce (100 Hz and harmonics).
    const hum = 0.2 * Math.sin(TAU * 100 * t) + 0.1 * Math.sin(TAU * 200 * t) + 0.04 * Math.sin(TAU * 300 * t);
    const swell = 0.85 + 0.15 * Math.sin((TAU * t) / seconds);
    raw[i] = swell * (0.5 * hum + 3 * room);
  }
  const out = buffer(seconds);
  for (let i = 0; i < out.length; i++) {
    const tail = i < fade ? raw[out.length + i]! : 0;
    const w = i < fade ? i / fade : 1;
    out[i] = w * raw[i]! + (1 - w) * tail;
  }
  return normalise(out, 0.35);
}

const sounds: Record<string, Float32Array> = {
  tick: tick(),
  alert: alert(),
  level: levelSting(),
  stamp: stamp(),
  'outcome-good': outcomeGood(),
  'outcome-poor': outcomePoor(),
  ambience: ambience(),
};

const dir = import.meta.dirname;
for (const [name, samples] of Object.entries(sounds)) {
  const file = join(dir, `${name}.wav`);
  writeFileSync(file, encodeWav(samples, RATE));
  console.log(`${file}  ${(samples.length / RATE).toFixed(2)} s`);
}
