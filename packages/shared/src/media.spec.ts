import { mediaSrcset, mediaWidths, parseMediaUrl } from './media';
import { contentBlocksSchema } from './content-block.schema';

describe('media URLs', () => {
  it('lists the stored widths up to the largest', () => {
    expect(mediaWidths(1280)).toEqual([320, 640, 960, 1280]);
    expect(mediaWidths(800)).toEqual([320, 640, 800]);
    expect(mediaWidths(200)).toEqual([200]);
  });

  it('builds a srcset for uploaded images only', () => {
    expect(mediaSrcset('/media/01JD0000000000000000000000/800.jpg', 'webp')).toBe(
      '/media/01JD0000000000000000000000/320.webp 320w, /media/01JD0000000000000000000000/640.webp 640w, /media/01JD0000000000000000000000/800.webp 800w',
    );
    expect(mediaSrcset('https://cdn.example.com/a.jpg', 'webp')).toBeNull();
    expect(parseMediaUrl('/media/../../etc/passwd')).toBeNull();
  });
});

describe('content blocks', () => {
  it('accepts each block type and refuses HTML-capable URLs', () => {
    const ok = contentBlocksSchema.safeParse([
      { type: 'text', text: '第一段' },
      { type: 'image', url: '/media/01JD0000000000000000000000/640.jpg', width: 640, height: 360 },
      { type: 'video', url: 'https://v.qq.com/x/1', title: '演示' },
      { type: 'facts', items: [{ label: '价格', value: '¥2,980' }] },
      { type: 'cta', text: '现在预约，送上门测量' },
    ]);
    expect(ok.success).toBe(true);
    expect(contentBlocksSchema.safeParse([{ type: 'image', url: 'javascript:alert(1)', width: 1, height: 1 }]).success).toBe(false);
    expect(contentBlocksSchema.safeParse([{ type: 'script', text: 'x' }]).success).toBe(false);
  });
});
