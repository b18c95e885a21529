import { shareCodeFromParams } from './share-code.util';

describe('shareCodeFromParams', () => {
  it('prefers code, falls back to the URI-encoded scene', () => {
    expect(shareCodeFromParams({ code: 'AbC12345', scene: 'Other123' })).toBe('AbC12345');
    expect(shareCodeFromParams({ scene: encodeURIComponent('Sc3ne0001') })).toBe('Sc3ne0001');
  });

  it('is empty without either, and survives a malformed escape', () => {
    expect(shareCodeFromParams({})).toBe('');
    expect(shareCodeFromParams({ code: '%E0%A4%A' })).toBe('%E0%A4%A');
  });
});
