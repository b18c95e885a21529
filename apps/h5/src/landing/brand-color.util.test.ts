import { describe, expect, it } from 'vitest';
import { contrastWithWhite, readableBrandColor, tintColor } from './brand-color.util';

describe('readableBrandColor', () => {
  it('keeps a colour that already has 4.5:1 against white', () => {
    expect(readableBrandColor('#1f6feb', '#1f6feb')).toBe('#1f6feb');
    expect(readableBrandColor('#0b6e4f', '#1f6feb')).toBe('#0b6e4f');
  });

  it('darkens a light colour until white text on it passes AA', () => {
    for (const light of ['#ffd54f', '#ffffff', '#7ec8e3', '#ff8a65']) {
      const color = readableBrandColor(light, '#1f6feb');
      expect(color).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('falls back for anything that is not #rrggbb', () => {
    expect(readableBrandColor('red;}</style>', '#1f6feb')).toBe('#1f6feb');
    expect(tintColor('nope')).toBe('#eef3fd');
  });
});
