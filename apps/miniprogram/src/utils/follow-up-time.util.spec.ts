import { dateFromPicker, describeDue, followUpPresets, formatFollowUpTime, pickerBounds } from './follow-up-time.util';

describe('followUpPresets', () => {
  it('offers only moments after now: late in the evening there is no 今天', () => {
    const evening = new Date(2026, 10, 30, 23, 23); // Mon 30 Nov 2026, 23:23 — the moment the old picker saved 09:00 of
    const presets = followUpPresets(evening);
    expect(presets.map((p) => p.label)).toEqual(['明天 10:00', '3 天后 10:00', '下周一 10:00']);
    for (const preset of presets) expect(preset.at.getTime()).toBeGreaterThan(evening.getTime());
    expect(presets[0].at).toEqual(new Date(2026, 11, 1, 10, 0));
    expect(presets[2].at).toEqual(new Date(2026, 11, 7, 10, 0));
  });

  it('offers 今天 18:00 in the afternoon and drops 下周一 when it is tomorrow', () => {
    const sunday = new Date(2026, 10, 29, 14, 0);
    expect(followUpPresets(sunday).map((p) => p.label)).toEqual(['今天 18:00', '明天 10:00', '3 天后 10:00']);
  });
});

describe('pickerBounds', () => {
  it('starts at the next 5-minute mark and ends within a year, so the year column has at most two years', () => {
    const { start, end } = pickerBounds(new Date(2026, 10, 30, 23, 23, 40));
    expect(start).toEqual(new Date(2026, 10, 30, 23, 25));
    expect(end.getFullYear()).toBe(2027);
    expect(end.getTime() - start.getTime()).toBeLessThanOrEqual(367 * 24 * 3600 * 1000);
  });
});

describe('dateFromPicker / formatFollowUpTime / describeDue', () => {
  const now = new Date(2026, 10, 30, 15, 0);

  it('reads the picker columns', () => {
    expect(dateFromPicker(['2026', '12', '03', '10', '05'])).toEqual(new Date(2026, 11, 3, 10, 5));
    expect(dateFromPicker(['2026', 'x'])).toBeNull();
  });

  it('says the time the way people do', () => {
    expect(formatFollowUpTime(new Date(2026, 10, 30, 18, 0), now)).toBe('今天 18:00');
    expect(formatFollowUpTime(new Date(2026, 11, 1, 10, 0), now)).toBe('明天 10:00');
    expect(formatFollowUpTime(new Date(2026, 11, 3, 10, 0), now)).toBe('12-03 周四 10:00');
    expect(formatFollowUpTime(new Date(2027, 0, 5, 9, 30), now)).toBe('2027-01-05 周二 09:30');
  });

  it('marks overdue follow-ups', () => {
    expect(describeDue(new Date(2026, 10, 28, 10, 0).toISOString(), now)).toEqual({ text: '逾期 2 天', overdue: true });
    expect(describeDue(new Date(2026, 10, 30, 9, 0).toISOString(), now)).toEqual({ text: '已到时间 09:00', overdue: true });
    expect(describeDue(new Date(2026, 10, 30, 17, 0).toISOString(), now)).toEqual({ text: '今天 17:00 跟进', overdue: false });
  });
});
