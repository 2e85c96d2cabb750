// Draws Trawlarr's app icon and tray icons as PNGs with no dependencies (node:zlib only):
// shapes are signed-distance functions, anti-aliased by 4×4 supersampling.
// Run: node assets/generate-icons.mjs  (the PNGs it writes are committed)
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// ---- PNG encoding ----
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// ---- shapes in a unit square (0..1), negative distance = inside ----
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;
const box = (x0, y0, x1, y1, radius = 0) => (x, y) => {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, hx = (x1 - x0) / 2 - radius, hy = (y1 - y0) / 2 - radius;
  const dx = Math.abs(x - cx) - hx, dy = Math.abs(y - cy) - hy;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - radius;
};
/** a pie slice from angle a0 to a1 (radians, 0 = up, clockwise) */
const wedge = (cx, cy, r, a0, a1) => (x, y) => {
  const a = (Math.atan2(x - cx, -(y - cy)) + 2 * Math.PI) % (2 * Math.PI);
  const inside = a >= a0 && a <= a1;
  const d = Math.hypot(x - cx, y - cy) - r;
  return inside ? d : Math.max(d, 0.02);
};

function render(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size, y = (py + (sy + 0.5) / ss) / size;
          // composite the layers back to front ("over"), premultiplied
          let cr = 0, cg = 0, cb = 0, ca = 0;
          for (const layer of layers) {
            if (layer.shape(x, y) > 0) continue;
            const [lr, lg, lb] = typeof layer.color === 'function' ? layer.color(x, y) : layer.color;
            const la = layer.alpha ?? 1;
            if (layer.erase) {
              cr *= 1 - la; cg *= 1 - la; cb *= 1 - la; ca *= 1 - la;
              continue;
            }
            cr = lr * la + cr * (1 - la); cg = lg * la + cg * (1 - la); cb = lb * la + cb * (1 - la); ca = la + ca * (1 - la);
          }
          r += cr; g += cg; b += cb; a += ca;
        }
      }
      const n = ss * ss, i = (py * size + px) * 4;
      const alpha = a / n;
      rgba[i] = alpha ? Math.round(r / n / alpha) : 0;
      rgba[i + 1] = alpha ? Math.round(g / n / alpha) : 0;
      rgba[i + 2] = alpha ? Math.round(b / n / alpha) : 0;
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, rgba);
}

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const write = (path, png) => {
  mkdirSync(dirname(join(here, path)), { recursive: true });
  writeFileSync(join(here, path), png);
  console.log(`wrote assets/${path} (${png.length} bytes)`);
};

// ---- app icon: a radar sweep over the library, on a teal tile ----
const top = hex('#14b8a6'), bottom = hex('#0f3d3a'), white = hex('#ffffff');
const gradient = (_x, y) => top.map((c, k) => c + (bottom[k] - c) * y);
const appLayers = [
  { shape: box(0.06, 0.06, 0.94, 0.94, 0.2), color: gradient },
  { shape: wedge(0.5, 0.5, 0.3, 0, Math.PI / 3), color: white, alpha: 0.35 },
  { shape: ring(0.5, 0.5, 0.3, 0.055), color: white },
  { shape: ring(0.5, 0.5, 0.17, 0.03), color: white, alpha: 0.6 },
  { shape: box(0.487, 0.2, 0.513, 0.5), color: white },
  { shape: circle(0.5, 0.5, 0.045), color: white },
  { shape: circle(0.64, 0.33, 0.03), color: white },
  { shape: circle(0.36, 0.62, 0.025), color: white, alpha: 0.8 },
];
write('icon.png', render(1024, appLayers));

// ---- tray icons: a ring (the cycle) with a state mark inside ----
const glyphs = {
  idle: [{ shape: circle(0.5, 0.5, 0.1) }],
  searching: [{ shape: wedge(0.5, 0.5, 0.3, 0, Math.PI / 2) }, { shape: circle(0.5, 0.5, 0.1) }],
  paused: [{ shape: box(0.36, 0.32, 0.46, 0.68, 0.02) }, { shape: box(0.54, 0.32, 0.64, 0.68, 0.02) }],
  attention: [{ shape: box(0.45, 0.25, 0.55, 0.58, 0.03) }, { shape: circle(0.5, 0.7, 0.065) }],
};
const colors = { idle: '#14b8a6', searching: '#3b82f6', paused: '#f59e0b', attention: '#ef4444' };
for (const [state, marks] of Object.entries(glyphs)) {
  for (const [suffix, size] of [['', 16], ['@2x', 32]]) {
    const layers = (color) => [{ shape: ring(0.5, 0.5, 0.4, 0.12), color }, ...marks.map((m) => ({ ...m, color }))];
    write(`tray/tray-${state}${suffix}.png`, render(size, layers(hex(colors[state]))));
    // macOS template: black and alpha only; the system tints it for light and dark menu bars
    write(`tray/tray-${state}Template${suffix}.png`, render(size, layers([0, 0, 0])));
  }
}
