import type { RasterImage } from './png.js';

/**
 * The AliZé icon drawn from vectors: three gusts of wind (the alizé is a trade wind), the top one curling up,
 * the bottom one curling down. Shapes are strokes with round caps, rendered with 4×4 supersampling so edges are
 * smooth and the result is the same on every machine.
 */
type Point = { x: number; y: number };
type Shape =
  | { kind: 'segment'; from: Point; to: Point }
  | { kind: 'arc'; center: Point; radius: number; start: number; sweep: number };

const deg = (angle: number) => (angle * Math.PI) / 180;

/** The symbol in its own units (y points down); arcs sweep from `start` by `sweep` radians. */
const GUSTS: Shape[] = [
  { kind: 'segment', from: { x: 8, y: 30 }, to: { x: 58, y: 30 } },
  { kind: 'arc', center: { x: 58, y: 18 }, radius: 12, start: deg(90), sweep: deg(-270) },
  { kind: 'segment', from: { x: 0, y: 52 }, to: { x: 84, y: 52 } },
  { kind: 'segment', from: { x: 16, y: 74 }, to: { x: 66, y: 74 } },
  { kind: 'arc', center: { x: 66, y: 86 }, radius: 12, start: deg(-90), sweep: deg(270) },
];
const HALF_WIDTH = 5.5;

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function distanceToArc(p: Point, shape: Extract<Shape, { kind: 'arc' }>): number {
  const { center, radius, start, sweep } = shape;
  const angle = Math.atan2(p.y - center.y, p.x - center.x);
  // How far along the sweep the point's angle is, in [0, 2π).
  const along =
    (((sweep >= 0 ? angle - start : start - angle) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  if (along <= Math.abs(sweep)) return Math.abs(Math.hypot(p.x - center.x, p.y - center.y) - radius);
  const end = start + sweep;
  const ends = [start, end].map((a) => ({
    x: center.x + radius * Math.cos(a),
    y: center.y + radius * Math.sin(a),
  }));
  return Math.min(...ends.map((e) => Math.hypot(p.x - e.x, p.y - e.y)));
}

const distance = (p: Point, shape: Shape): number =>
  shape.kind === 'segment' ? distanceToSegment(p, shape.from, shape.to) : distanceToArc(p, shape);

/** The symbol's bounds including the stroke, so it can be scaled into any box. */
function bounds(): { minX: number; minY: number; maxX: number; maxY: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const shape of GUSTS) {
    if (shape.kind === 'segment') {
      xs.push(shape.from.x, shape.to.x);
      ys.push(shape.from.y, shape.to.y);
    } else {
      for (let a = 0; a <= 360; a += 1) {
        const p = {
          x: shape.center.x + shape.radius * Math.cos(deg(a)),
          y: shape.center.y + shape.radius * Math.sin(deg(a)),
        };
        if (distanceToArc(p, shape) < 1e-9) {
          xs.push(p.x);
          ys.push(p.y);
        }
      }
    }
  }
  return {
    minX: Math.min(...xs) - HALF_WIDTH,
    minY: Math.min(...ys) - HALF_WIDTH,
    maxX: Math.max(...xs) + HALF_WIDTH,
    maxY: Math.max(...ys) + HALF_WIDTH,
  };
}

/** Coverage (0…1) of each pixel of a size×size image by the symbol fitted, centred, into `box` pixels. */
function coverage(size: number, box: number): Float64Array {
  const b = bounds();
  const scale = box / Math.max(b.maxX - b.minX, b.maxY - b.minY);
  const offsetX = (size - (b.maxX - b.minX) * scale) / 2;
  const offsetY = (size - (b.maxY - b.minY) * scale) / 2;
  const samples = 4;
  const nearest = (p: Point) => Math.min(...GUSTS.map((shape) => distance(p, shape)));
  // Distance is 1-Lipschitz: a pixel whose centre is farther than half its diagonal from the stroke's edge is
  // wholly in or out, and only edge pixels need the 16 samples (the result is the same, much faster).
  const halfDiagonal = Math.SQRT1_2 / scale;
  const result = new Float64Array(size * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const at = (dx: number, dy: number): Point => ({
        x: b.minX + (px + dx - offsetX) / scale,
        y: b.minY + (py + dy - offsetY) / scale,
      });
      const centre = nearest(at(0.5, 0.5));
      if (centre > HALF_WIDTH + halfDiagonal) continue;
      if (centre < HALF_WIDTH - halfDiagonal) {
        result[py * size + px] = 1;
        continue;
      }
      let inside = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          if (nearest(at((sx + 0.5) / samples, (sy + 0.5) / samples)) <= HALF_WIDTH) inside++;
        }
      }
      result[py * size + px] = inside / (samples * samples);
    }
  }
  return result;
}

/** The accent colour of the app (manifest accentColor and the colour icon's background). */
export const ACCENT_COLOR = '#0E5A8A';

const hex = (color: string) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));

/** 192×192, full bleed: white gusts on the accent colour, inside the central area Teams keeps visible. */
export function drawColorIcon(): RasterImage {
  const size = 192;
  const cover = coverage(size, 116);
  const background = hex(ACCENT_COLOR);
  const pixels = new Uint8Array(size * size * 3);
  cover.forEach((c, i) => {
    for (let ch = 0; ch < 3; ch++)
      pixels[i * 3 + ch] = Math.round(background[ch] + (255 - background[ch]) * c);
  });
  return { width: size, height: size, channels: 3, pixels };
}

/** 32×32 outline: white on transparent, as Teams requires (it tints it itself). */
export function drawOutlineIcon(): RasterImage {
  const size = 32;
  const cover = coverage(size, 30);
  const pixels = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    pixels.set([255, 255, 255, Math.round(255 * c)], i * 4);
  });
  return { width: size, height: size, channels: 4, pixels };
}
