#!/usr/bin/env node
/**
 * Draws the tab bar icons (81×81 PNG, WeChat's recommended size; grey and brand colour) into src/assets/tab.
 * Plain Node, no image library: each icon is a few strokes measured as distances, 4×4 samples a pixel for
 * anti-aliasing, written as an RGBA PNG with node:zlib. Run it again after changing a shape or the brand colour.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const STROKE = 5.5;
const outDir = fileURLToPath(new URL('../src/assets/tab/', import.meta.url));
const brandTs = readFileSync(fileURLToPath(new URL('../../../packages/shared/src/brand.ts', import.meta.url)), 'utf8');
const BRAND = /colorPrimary:\s*'(#[0-9a-fA-F]{6})'/.exec(brandTs)[1];
const GREY = '#8a8f99';

// Distance helpers: each shape answers "is this point on me?".
const dist = (ax, ay, bx, by) => Math.hypot(ax - bx, ay - by);
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return dist(px, py, ax + t * dx, ay + t * dy);
}
const line = (ax, ay, bx, by, w = STROKE) => (x, y) => segDist(x, y, ax, ay, bx, by) <= w / 2;
const ring = (cx, cy, r, w = STROKE) => (x, y) => Math.abs(dist(x, y, cx, cy) - r) <= w / 2;
const disc = (cx, cy, r) => (x, y) => dist(x, y, cx, cy) <= r;
/** An arc of a ring between two angles (radians, 0 = right, growing clockwise since y points down). */
const arc = (cx, cy, r, from, to, w = STROKE) => (x, y) => {
  let a = Math.atan2(y - cy, x - cx);
  if (a < from) a += 2 * Math.PI;
  return a >= from && a <= to && Math.abs(dist(x, y, cx, cy) - r) <= w / 2;
};
/** The outline of a rounded rectangle: its signed distance (inside < 0) is within half a stroke of 0. */
function roundRect(x0, y0, x1, y1, r, w = STROKE) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    const d = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
    return Math.abs(d) <= w / 2;
  };
}

const ICONS = {
  // 内容库: a page with lines of text
  library: [roundRect(16, 10, 65, 71, 8), line(27, 28, 54, 28), line(27, 41, 54, 41), line(27, 54, 44, 54)],
  // 雷达: two rings, a sweep and a blip
  radar: [ring(40.5, 40.5, 29), ring(40.5, 40.5, 15), line(40.5, 40.5, 61, 20), disc(40.5, 40.5, 4.5), disc(52, 52, 4)],
  // 客户: two people
  customers: [ring(31, 28, 10), arc(31, 63, 20, Math.PI, 2 * Math.PI), ring(55, 26, 8.5, STROKE - 0.5), arc(58, 56, 15, 1.2 * Math.PI, 2 * Math.PI, STROKE - 0.5)],
  // 我的: one person
  me: [ring(40.5, 27, 13), arc(40.5, 70, 25, Math.PI, 2 * Math.PI)],
};

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(shapes, hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const px = x + (sx + 0.5) / 4;
          const py = y + (sy + 0.5) / 4;
          if (shapes.some((s) => s(px, py))) hits++;
        }
      row.set([r, g, b, Math.round((hits / 16) * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const [name, shapes] of Object.entries(ICONS)) {
  writeFileSync(`${outDir}${name}.png`, png(shapes, GREY));
  writeFileSync(`${outDir}${name}-active.png`, png(shapes, BRAND));
}
console.log(`tab icons written to ${outDir} (brand ${BRAND})`);
