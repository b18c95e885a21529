import { searchGramsFor, searchGramsOf } from './lead-search.util';

describe('lead search grams', () => {
  it('indexes every 3-digit run of the phone and every character and pair of the name', () => {
    const grams = searchGramsOf('王芳', '13812345678');
    expect(grams).toEqual(expect.arrayContaining(['p:138', 'p:812', 'p:678', 'n:王', 'n:芳', 'n:王芳']));
    expect(grams.filter((g) => g.startsWith('p:'))).toHaveLength(9);
  });

  it('every query that should match finds its gram among the lead’s', () => {
    const grams = searchGramsOf('Zhang Wei 张伟', '13812345678');
    for (const q of ['234', '12345678', '13812345678', '张', '张伟', 'zhang', 'Wei']) {
      const found = searchGramsFor(q);
      expect(found?.grams.length).toBeGreaterThan(0);
      expect(found?.grams.every((g) => grams.includes(g))).toBe(true);
    }
  });

  it('short digit runs have no gram (they scan, and match a lot)', () => {
    expect(searchGramsFor('13')).toBeNull();
    expect(searchGramsFor('  ')).toBeNull();
    expect(searchGramsFor('13812')?.grams).toEqual(['p:138', 'p:381', 'p:812']);
  });
});
