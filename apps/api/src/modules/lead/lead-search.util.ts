/**
 * Search grams: what lets `q` find a lead among millions without scanning them all.
 * A lead is indexed by every 3-digit run of its phone (`p:138`), by the runs a masked phone still shows
 * (`v:`: its first 3 digits, and the runs of 3 and 4 in its last 4: `138****5678` → `v:138`, `v:567`, `v:678`,
 * `v:5678`), and by every character and character pair of its name (`n:王`, `n:王芳`). A query looks up one
 * gram, then checks the full `LIKE` on those rows only.
 */
export function searchGramsOf(name: string, phone: string): string[] {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= phone.length; i++) grams.add(`p:${phone.slice(i, i + 3)}`);
  for (const run of visibleRuns(phone)) grams.add(`v:${run}`);
  const chars = [...name.toLowerCase()].filter((c) => c.trim());
  for (let i = 0; i < chars.length; i++) {
    grams.add(`n:${chars[i]}`);
    if (i + 1 < chars.length) grams.add(`n:${chars[i]}${chars[i + 1]}`);
  }
  return [...grams].filter((g) => g.length <= 16);
}

/** The runs of 3 or more digits a masked phone (`138****5678`) shows. */
export function visibleRuns(phone: string): string[] {
  if (!/^\d{11}$/.test(phone)) return [];
  const tail = phone.slice(7);
  return [phone.slice(0, 3), tail.slice(0, 3), tail.slice(1), tail];
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
