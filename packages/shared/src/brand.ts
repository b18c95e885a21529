/**
 * The brand's design tokens: one source for the console (Ant Design theme), the staff app (NutUI theme and
 * tab bar) and the landing pages (CSS variables). HQ may override the colour, name and logo for customers'
 * pages in its settings; these are the defaults.
 */
export const BRAND = {
  name: '分机',
  /** The brand colour. White text on it passes WCAG AA (4.6:1). */
  colorPrimary: '#1f6feb',
  /** Text on light backgrounds. */
  colorText: '#1f2329',
  colorTextSecondary: '#646a73',
  /** Page background of the staff app and landing pages. */
  colorBg: '#f5f6f8',
  colorSuccess: '#12a150',
  colorWarning: '#d97706',
  colorDanger: '#d4380d',
  borderRadius: 8,
} as const;

/** A 6-digit hex colour (#rrggbb), the form HQ may set its brand colour in. */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
