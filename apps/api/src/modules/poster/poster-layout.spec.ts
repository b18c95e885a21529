import { posterSvg, wrapTitle } from './poster-layout';

describe('poster layout', () => {
  it('wraps a title into at most two lines and marks a cut with an ellipsis', () => {
    expect(wrapTitle('分机智能净水器 Pro')).toEqual(['分机智能净水器 Pro']);
    const long = wrapTitle('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五');
    expect(long).toHaveLength(2);
    expect(long[1]?.endsWith('…')).toBe(true);
  });

  it('escapes every text it draws', () => {
    const svg = posterSvg({ brandName: '<b>', color: '#1f6feb', title: '"a" & <script>', summary: '', sharerName: "O'Neil", sharerLines: ['<i>'], hasCover: false, codeHint: '扫码' });
    expect(svg).not.toMatch(/<script>|<b>|<i>/);
    expect(svg).toContain('&quot;a&quot; &amp; &lt;script&gt;');
    expect(svg).toContain('O&apos;Neil');
  });
});
