import { createSecretKey } from 'node:crypto';
import { VerifiedTokens } from './verified-tokens';

const NOW_S = 1_800_000_000;
const keyA = createSecretKey(Buffer.from('a'.repeat(32)));
const keyB = createSecretKey(Buffer.from('b'.repeat(32)));
const claims = { sub: 'u1', exp: NOW_S + 60 };

describe('VerifiedTokens', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW_S * 1000));
  afterEach(() => jest.restoreAllMocks());

  it('verifies a token once, then answers its claims from memory', async () => {
    const tokens = new VerifiedTokens<typeof claims>();
    const verify = jest.fn(() => Promise.resolve(claims));
    expect(await tokens.claims('t', keyA, verify)).toEqual(claims);
    expect(await tokens.claims('t', keyA, verify)).toEqual(claims);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('refuses a remembered token from its expiry second on, as the JWT library does', async () => {
    const tokens = new VerifiedTokens<typeof claims>();
    await tokens.claims('t', keyA, () => Promise.resolve(claims));
    jest.spyOn(Date, 'now').mockReturnValue((claims.exp - 1) * 1000 + 999);
    expect(await tokens.claims('t', keyA, () => Promise.reject(new Error('unused')))).toEqual(
      claims,
    );
    jest.spyOn(Date, 'now').mockReturnValue(claims.exp * 1000);
    expect(await tokens.claims('t', keyA, () => Promise.resolve(claims))).toBeNull();
  });

  it('never remembers a token that fails verification', async () => {
    const tokens = new VerifiedTokens<typeof claims>();
    const verify = jest.fn(() => Promise.reject(new Error('invalid signature')));
    expect(await tokens.claims('t', keyA, verify)).toBeNull();
    expect(await tokens.claims('t', keyA, verify)).toBeNull();
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('verifies again under a new key', async () => {
    const tokens = new VerifiedTokens<typeof claims>();
    await tokens.claims('t', keyA, () => Promise.resolve(claims));
    const verify = jest.fn(() => Promise.reject(new Error('invalid signature')));
    expect(await tokens.claims('t', keyB, verify)).toBeNull();
    expect(verify).toHaveBeenCalledTimes(1);
  });
});
