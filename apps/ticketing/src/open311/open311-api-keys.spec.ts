import { Open311ApiKeys } from './open311-api-keys';
import { InvalidApiKey } from './open311-errors';

const keys = new Open311ApiKeys(['city-app-2026-aaaaaaaaaaaa', 'street-report-bbbbbbbbbbbb']);

describe('Open311 api keys', () => {
  it('know a client by a short fingerprint of its key, never the key', () => {
    const client = keys.clientOf('city-app-2026-aaaaaaaaaaaa');
    expect(client).toMatch(/^[0-9a-f]{12}$/);
    expect(keys.clientOf('city-app-2026-aaaaaaaaaaaa')).toBe(client);
    expect(keys.clientOf('street-report-bbbbbbbbbbbb')).not.toBe(client);
  });

  it('refuse a missing, empty, unknown or near-miss key', () => {
    for (const candidate of [
      undefined,
      null,
      '',
      'xyz',
      'city-app-2026-aaaaaaaaaaab',
      ['city-app-2026-aaaaaaaaaaaa'],
    ]) {
      expect(() => keys.clientOf(candidate)).toThrow(InvalidApiKey);
    }
  });

  it('refuse every key when none is configured', () => {
    expect(() => new Open311ApiKeys([]).clientOf('city-app-2026-aaaaaaaaaaaa')).toThrow(InvalidApiKey);
  });
});
