import { maskPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['0086 138 0013 8000', '13800138000'],
    [' (138) 0013 8000 ', '13800138000'],
  ])('%s → %s', (raw, expected) => expect(normalizePhone(raw)).toBe(expected));

  it.each(['', '12800138000', '1380013800', '138001380001', 'abc13800138000', '+1 415 555 0100', '861380013800'])(
    'rejects %s',
    (raw) => expect(normalizePhone(raw)).toBeNull(),
  );
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits', () => expect(maskPhone('13812345678')).toBe('138****5678'));
});
