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

/** The one gram to look `q` up by: all digits (3 or more) search the phone; anything else the name. */
export function searchGramFor(q: string): { gram: string; field: 'phone' | 'name' } | null {
  if (/^\d+$/.test(q)) return q.length >= 3 ? { gram: `p:${q.slice(0, 3)}`, field: 'phone' } : null;
  const chars = [...q.toLowerCase()].filter((c) => c.trim());
  if (!chars.length) return null;
  return { gram: `n:${chars.slice(0, 2).join('')}`, field: 'name' };
}
