import { alertPriority, headlineRatings } from './alert-priority';

const info = (
  severity: 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown',
  urgency: 'Immediate' | 'Expected' | 'Future' | 'Past' | 'Unknown',
) => ({ severity, urgency });

describe('the priority of an alert', () => {
  it('puts Extreme and Immediate first and Unknown last', () => {
    expect(alertPriority('Alert', [info('Extreme', 'Immediate')])).toBe(1);
    expect(alertPriority('Alert', [info('Unknown', 'Unknown')])).toBe(25);
  });

  it('lets severity outrank urgency', () => {
    expect(alertPriority('Alert', [info('Extreme', 'Future')])).toBeLessThan(
      alertPriority('Alert', [info('Minor', 'Immediate')]),
    );
    expect(alertPriority('Alert', [info('Severe', 'Immediate')])).toBeLessThan(
      alertPriority('Alert', [info('Severe', 'Expected')]),
    );
  });

  it('counts an alert in several languages by its most pressing block', () => {
    expect(alertPriority('Update', [info('Minor', 'Past'), info('Severe', 'Expected')])).toBe(
      alertPriority('Update', [info('Severe', 'Expected')]),
    );
  });

  it('sends a cancellation before everything', () => {
    expect(alertPriority('Cancel', [])).toBe(1);
    expect(alertPriority('Cancel', [info('Minor', 'Past')])).toBe(1);
  });
});

describe('the ratings an event reports', () => {
  it('takes the most severe and the most urgent, each on its own', () => {
    expect(headlineRatings([info('Minor', 'Immediate'), info('Severe', 'Future')])).toEqual({
      severity: 'Severe',
      urgency: 'Immediate',
    });
    expect(headlineRatings([])).toEqual({ severity: 'Unknown', urgency: 'Unknown' });
  });
});
