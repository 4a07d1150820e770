import { readUnsubscribeToken, unsubscribeKey, unsubscribeToken } from './unsubscribe-token';

describe('unsubscribe tokens', () => {
  const key = unsubscribeKey('a-server-secret-a-server-secret-0123');
  const userId = '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

  it('names the user and the kind it was made for', () => {
    const token = unsubscribeToken(key, userId, 'digest');
    expect(readUnsubscribeToken(key, token)).toEqual({ userId, kind: 'digest' });
  });

  it('is the same token for the same user and kind: no state behind it', () => {
    expect(unsubscribeToken(key, userId, 'quota_alert')).toBe(
      unsubscribeToken(key, userId, 'quota_alert'),
    );
    expect(unsubscribeToken(key, userId, 'quota_alert')).not.toBe(
      unsubscribeToken(key, userId, 'digest'),
    );
  });

  const token = unsubscribeToken(key, userId, 'digest');
  const [, , signature] = token.split('.');
  const otherUser = '00000000-0000-4000-8000-000000000000';
  it.each<[string, string]>([
    ['another kind under the same signature', `${userId}.weekly_report.${signature}`],
    ['another user under the same signature', `${otherUser}.digest.${signature}`],
    ['a signature cut short', token.slice(0, -1)],
    ['no signature', `${userId}.digest`],
    ['an extra part', `${token}.x`],
    ['a user id that is not one', `not-a-user.digest.${signature}`],
    ['nothing', ''],
  ])('refuses %s', (_what, forged) => {
    expect(readUnsubscribeToken(key, forged)).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const other = unsubscribeKey('another-secret-another-secret-456789');
    expect(readUnsubscribeToken(other, token)).toBeNull();
  });
});
