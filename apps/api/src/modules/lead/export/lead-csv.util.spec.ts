import { chinaTime, csvCell } from './lead-csv.util';

describe('CSV cells', () => {
  it('neutralises what a spreadsheet would run as a formula, and quotes what would break the row', () => {
    expect(['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+86", "'-2", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell('王芳')).toBe('王芳');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('说"好"')).toBe('"说""好"""');
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell(12)).toBe('12');
  });

  it('writes times in China time, as people there read them', () => {
    expect(chinaTime('2026-11-30T16:05:00.000Z')).toBe('2026-12-01 00:05');
    expect(chinaTime(null)).toBe('');
  });
});
