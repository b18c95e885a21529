/**
 * The poster's drawing, as one SVG for sharp to rasterise over the cover and the code: pure, so it is easy to test.
 * 750 × 1334 (a phone screen at 2×); Chinese text in Noto Sans CJK (Debian's fonts-noto-cjk).
 */
export const POSTER = {
  width: 750,
  height: 1334,
  cover: { top: 120, height: 422 },
  code: { size: 260, left: 420, top: 1000 },
  /** The sharer's photo: a 112 px disc over the circle that holds their initial (centre 100, code.top + 70). */
  photo: { size: 112, left: 44, top: 1014 },
} as const;

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

/** Splits a title into at most `lines` lines of about `perLine` full-width characters, with an ellipsis when cut. */
export function wrapTitle(title: string, perLine = 15, lines = 2): string[] {
  const chars = [...title.trim()];
  const out: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of chars) {
    const w = /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1;
    if (width + w > perLine) {
      out.push(line);
      line = '';
      width = 0;
      if (out.length === lines) break;
    }
    line += ch;
    width += w;
  }
  if (out.length < lines && line) out.push(line);
  else if (out.length === lines && out.join('').length < chars.length) out[lines - 1] = `${[...(out[lines - 1] as string)].slice(0, -1).join('')}…`;
  return out;
}

export interface PosterText {
  brandName: string;
  color: string;
  title: string;
  summary: string;
  sharerName: string;
  /** The sharer's title and branch, each line short enough to stay left of the code. */
  sharerLines: string[];
  hasCover: boolean;
  codeHint: string;
}

export function posterSvg(t: PosterText): string {
  const { width, height, cover, code } = POSTER;
  const titleLines = wrapTitle(t.title);
  const summary = wrapTitle(t.summary, 22, 2);
  const font = "font-family=\"'Noto Sans CJK SC','Noto Sans CJK','Noto Serif CJK SC',sans-serif\"";
  const titleY = cover.top + cover.height + 80;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="${width}" height="${height}" fill="#ffffff"/>
<rect width="${width}" height="${cover.top}" fill="${xml(t.color)}"/>
<text x="40" y="76" ${font} font-size="40" font-weight="bold" fill="#ffffff">${xml(t.brandName)}</text>
${t.hasCover ? '' : `<rect y="${cover.top}" width="${width}" height="${cover.height}" fill="${xml(t.color)}" fill-opacity="0.12"/>
<text x="${width / 2}" y="${cover.top + cover.height / 2 + 40}" ${font} font-size="120" font-weight="bold" text-anchor="middle" fill="${xml(t.color)}" fill-opacity="0.35">${xml(wrapTitle(t.brandName, 5, 1)[0] ?? '')}</text>`}
${titleLines.map((l, i) => `<text x="40" y="${titleY + i * 60}" ${font} font-size="46" font-weight="bold" fill="#1f2329">${xml(l)}</text>`).join('\n')}
${summary.map((l, i) => `<text x="40" y="${titleY + titleLines.length * 60 + 20 + i * 42}" ${font} font-size="28" fill="#646a73">${xml(l)}</text>`).join('\n')}
<line x1="40" y1="${code.top - 40}" x2="${width - 40}" y2="${code.top - 40}" stroke="#e5e6eb" stroke-width="2"/>
<circle cx="100" cy="${code.top + 70}" r="56" fill="${xml(t.color)}" fill-opacity="0.12"/>
<text x="100" y="${code.top + 88}" ${font} font-size="48" text-anchor="middle" fill="${xml(t.color)}">${xml([...t.sharerName][0] ?? '')}</text>
<text x="180" y="${code.top + 60}" ${font} font-size="36" font-weight="bold" fill="#1f2329">${xml(wrapTitle(t.sharerName, 6, 1)[0] ?? '')}</text>
${t.sharerLines.map((l, i) => `<text x="180" y="${code.top + 102 + i * 36}" ${font} font-size="26" fill="#646a73">${xml(l)}</text>`).join('\n')}
<text x="40" y="${code.top + 220}" ${font} font-size="26" fill="#646a73">${xml(t.codeHint)}</text>
</svg>`;
}
