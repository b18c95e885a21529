/**
 * HQ may pick any brand colour; the pages put white text on it (buttons) and use it for links on white.
 * Both need a contrast of at least 4.5:1 (WCAG AA), so a colour too light is darkened until it has it.
 */
const HEX = /^#([0-9a-fA-F]{6})$/;

type Rgb = [number, number, number];

function parse(hex: string): Rgb | null {
  const m = HEX.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1] as string, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: Rgb): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio between a colour and white. */
export function contrastWithWhite(hex: string): number {
  const rgb = parse(hex);
  return rgb ? 1.05 / (luminance(rgb) + 0.05) : 1;
}

/** The brand colour, darkened just enough for white text on it and for text on white (≥ 4.5:1). */
export function readableBrandColor(hex: string, fallback: string): string {
  const rgb = parse(hex) ?? parse(fallback);
  if (!rgb) return '#1f6feb';
  let current: Rgb = rgb;
  for (let i = 0; i < 40 && contrastWithWhite(toHex(current)) < 4.5; i++) current = current.map((c) => c * 0.92) as Rgb;
  return toHex(current);
}

/** A light tint of the colour for backgrounds (chips, the card strip), mixing it with white. */
export function tintColor(hex: string, whiteShare = 0.9): string {
  const rgb = parse(hex);
  if (!rgb) return '#eef3fd';
  return toHex(rgb.map((c) => c + (255 - c) * whiteShare) as Rgb);
}
