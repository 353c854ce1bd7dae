import { isQuietNow, QuietHours, quietUntil } from './quiet-hours';

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const overnight = { quietHours: { start: '22:00', end: '07:00' } };
const afternoonNap = { quietHours: { start: '13:00', end: '14:30' } };
const moderate = { severity: 'Moderate', urgency: 'Expected' } as const;

describe('quiet hours (免打扰)', () => {
  it('holds a moderate alert overnight, on both sides of midnight, and lets it go at the end', () => {
    expect(isQuietNow(overnight, moderate, at('2026-07-01T21:59'))).toBe(false);
    expect(isQuietNow(overnight, moderate, at('2026-07-01T22:00'))).toBe(true);
    expect(isQuietNow(overnight, moderate, at('2026-07-01T23:59'))).toBe(true);
    expect(isQuietNow(overnight, moderate, at('2026-07-02T00:00'))).toBe(true);
    expect(isQuietNow(overnight, moderate, at('2026-07-02T06:59'))).toBe(true);
    expect(isQuietNow(overnight, moderate, at('2026-07-02T07:00'))).toBe(false);
    expect(isQuietNow(overnight, moderate, at('2026-07-02T12:00'))).toBe(false);
  });

  it('handles a range within one day', () => {
    expect(isQuietNow(afternoonNap, moderate, at('2026-07-01T12:59'))).toBe(false);
    expect(isQuietNow(afternoonNap, moderate, at('2026-07-01T13:00'))).toBe(true);
    expect(isQuietNow(afternoonNap, moderate, at('2026-07-01T14:29'))).toBe(true);
    expect(isQuietNow(afternoonNap, moderate, at('2026-07-01T14:30'))).toBe(false);
    expect(isQuietNow(afternoonNap, moderate, at('2026-07-01T23:00'))).toBe(false);
  });

  it('uses Beijing time whatever the instant is written in', () => {
    // 15:30 UTC is 23:30 in Beijing.
    expect(isQuietNow(overnight, moderate, new Date('2026-07-01T15:30:00Z'))).toBe(true);
    expect(isQuietNow(overnight, moderate, new Date('2026-07-01T23:30:00Z'))).toBe(false);
  });

  it('never holds back an Extreme alert or one to act on immediately', () => {
    const night = at('2026-07-02T03:00');
    expect(isQuietNow(overnight, { severity: 'Extreme', urgency: 'Expected' }, night)).toBe(false);
    expect(isQuietNow(overnight, { severity: 'Minor', urgency: 'Immediate' }, night)).toBe(false);
    expect(isQuietNow(overnight, { severity: 'Severe', urgency: 'Expected' }, night)).toBe(true);
  });

  it('is never quiet for someone who set no quiet hours', () => {
    expect(isQuietNow({ quietHours: null }, moderate, at('2026-07-02T03:00'))).toBe(false);
  });

  it('says when the alert may go: the end of the quiet hours, the next morning when overnight', () => {
    expect(quietUntil(overnight, moderate, at('2026-07-01T23:15:42'))).toEqual(at('2026-07-02T07:00'));
    expect(quietUntil(overnight, moderate, at('2026-07-02T06:59'))).toEqual(at('2026-07-02T07:00'));
    expect(quietUntil(afternoonNap, moderate, at('2026-07-01T13:10'))).toEqual(at('2026-07-01T14:30'));
    expect(quietUntil(overnight, moderate, at('2026-07-02T08:00'))).toBeNull();
  });

  it('accepts HH:MM in 24-hour time only, and a start different from the end', () => {
    expect(QuietHours.safeParse({ start: '22:00', end: '07:00' }).success).toBe(true);
    expect(QuietHours.safeParse({ start: '24:00', end: '07:00' }).success).toBe(false);
    expect(QuietHours.safeParse({ start: '9:00', end: '10:00' }).success).toBe(false);
    expect(QuietHours.safeParse({ start: '22:00', end: '22:00' }).success).toBe(false);
  });
});
