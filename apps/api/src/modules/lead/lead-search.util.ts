/**
 * Search grams: what lets `q` find a lead among millions without scanning them all.
 * A lead is indexed by every 3-digit run of its phone (`p:138`) and every character and character pair
 * of its name (`n:王`, `n:王芳`). A query looks up one gram, then checks the full `LIKE` on those rows only.
 */
export function searchGramsOf(name: string, phone: string): string[] {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= phone.length; i++) grams.add(`p:${phone.slice(i, i + 3)}`);
  const chars = [...name.toLowerCase()].filter((c) => c.trim());
  for (let i = 0; i < chars.length; i++) {
    grams.add(`n:${chars[i]}`);
    if (i + 1 < chars.length) grams.add(`n:${chars[i]}${chars[i + 1]}`);
  }
  return [...grams].filter((g) => g.length <= 16);
}

/**
 * The grams `q` can be looked up by (every one of them is among a matching lead's grams): all digits
 * (3 or more) search the phone; anything else the name. The caller picks the rarest.
 */
export function searchGramsFor(q: string): { grams: string[]; field: 'phone' | 'name' } | null {
  if (/^\d+$/.test(q)) {
    if (q.length < 3) return null;
    return { grams: [...new Set(Array.from({ length: q.length - 2 }, (_, i) => `p:${q.slice(i, i + 3)}`))], field: 'phone' };
  }
  const chars = [...q.toLowerCase()].filter((c) => c.trim());
  if (!chars.length) return null;
  if (chars.length === 1) return { grams: [`n:${chars[0]}`], field: 'name' };
  return { grams: [...new Set(chars.slice(1).map((c, i) => `n:${chars[i]}${c}`))], field: 'name' };
}
