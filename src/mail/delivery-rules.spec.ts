import {
  MAX_ATTEMPTS,
  messageIdFor,
  nextAttempt,
  readFailure,
  retryDelayMs,
} from './delivery-rules';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const MIN = 60 * 1000;

describe('retries', () => {
  it.each([
    [1, 1 * MIN],
    [2, 5 * MIN],
    [3, 30 * MIN],
    [4, 120 * MIN],
    [5, 360 * MIN],
    [6, 720 * MIN],
    [7, 1440 * MIN],
    [50, 1440 * MIN],
  ])('after attempt %d fails, waits %d ms', (attempt, delay) => {
    expect(retryDelayMs(attempt)).toBe(delay);
    expect(nextAttempt(NOW, attempt, false)?.getTime()).toBe(
      attempt < MAX_ATTEMPTS ? NOW.getTime() + delay : undefined,
    );
  });

  it('gives up after the last attempt, and at once on a permanent refusal', () => {
    expect(nextAttempt(NOW, MAX_ATTEMPTS, false)).toBeNull();
    expect(nextAttempt(NOW, MAX_ATTEMPTS - 1, false)).not.toBeNull();
    expect(nextAttempt(NOW, 1, true)).toBeNull();
  });
});

describe('reading an SMTP failure', () => {
  it.each([
    [
      {
        code: 'EENVELOPE',
        responseCode: 550,
        response: '550 5.1.1 No such user',
        command: 'RCPT TO',
      },
      true,
      'RCPT TO: 550 5.1.1 No such user',
    ],
    [
      { code: 'EMESSAGE', responseCode: 552, response: '552 Message too big', command: 'DATA' },
      true,
      'DATA: 552 Message too big',
    ],
    [
      { code: 'EENVELOPE', responseCode: 451, response: '451 Try again later', command: 'RCPT TO' },
      false,
      'RCPT TO: 451 Try again later',
    ],
    [
      { code: 'EAUTH', responseCode: 535, response: '535 Invalid login', command: 'AUTH PLAIN' },
      false,
      'AUTH PLAIN: 535 Invalid login',
    ],
    [
      { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25', command: 'CONN' },
      false,
      'CONN: connect ECONNREFUSED 127.0.0.1:25: (ESOCKET)',
    ],
    [new Error('Greeting never received'), false, 'Greeting never received'],
  ])('%j is permanent: %s', (error, permanent, detail) => {
    expect(readFailure(error)).toEqual({ permanent, detail });
  });
});

describe('Message-ID', () => {
  it.each([
    ['Gardefou <gardefou@cabinet-martin.fr>', '<abc@cabinet-martin.fr>'],
    ['facturation@Cabinet.FR', '<abc@cabinet.fr>'],
    ['"Martin, conseil" <a@mail.example.org>', '<abc@mail.example.org>'],
    ['Gardefou', '<abc@localhost>'],
  ])('from %s is %s, the same at every attempt', (from, id) => {
    expect(messageIdFor('abc', from)).toBe(id);
    expect(messageIdFor('abc', from)).toBe(messageIdFor('abc', from));
  });
});
