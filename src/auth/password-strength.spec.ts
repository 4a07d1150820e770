import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  isPasswordWeakness,
  MIN_PASSWORD_SCORE,
  passwordWeakness,
  weaknessAdvice,
} from './password-strength';

describe('passwordWeakness', () => {
  it.each([
    ['password1234', 'similarToCommon'],
    ['P@ssw0rd1234', 'similarToCommon'],
    ['            ', 'simpleRepeat'],
    ['azertyuiop123', 'straightRow'],
    ['aaaaaaaaaaaaaaaa', 'simpleRepeat'],
    ['abcdefghijklmn', 'sequences'],
    ['motdepasse123', null],
    ['gardefou2026!', 'userInputs'],
  ])('refuses %j (warning %s)', (password, warning) => {
    const weakness = passwordWeakness(password);
    expect(weakness).not.toBeNull();
    expect(weakness!.score).toBeLessThan(MIN_PASSWORD_SCORE);
    expect(weakness!.warning).toBe(warning);
    expect(weakness!.suggestions.length).toBeGreaterThan(0);
  });

  it.each([
    'correct horse battery staple',
    'lavande tilleul granit',
    'a brand new passphrase',
    'Tilleuls et lavande 1969',
  ])('accepts %j', (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });

  it("counts the account's own words (email, name, practice) as known", () => {
    const personal = ['camille.martin@atelier-zephyr.fr', 'Camille Martin', 'Atelier Zéphyr'];
    expect(passwordWeakness('camille.martin@atelier-zephyr.fr', personal)).toMatchObject({
      score: 0,
      warning: 'userInputs',
    });
    expect(passwordWeakness('camille.martin@atelier-zephyr.fr')).toBeNull();
    expect(passwordWeakness('zephyrmartin12', personal)).not.toBeNull();
    expect(passwordWeakness('zephyrmartin12')).toBeNull();
  });
});

describe('weaknessAdvice', () => {
  const weakness = { score: 1, warning: 'similarToCommon', suggestions: ['anotherWord'] };

  it('words the reason and the advice in English and in French, as sentences', () => {
    expect(weaknessAdvice(weakness, 'en')).toBe(
      'This is similar to a commonly used password. Add more words that are less common.',
    );
    expect(weaknessAdvice(weakness, 'fr')).toBe(
      'Ce mot de passe est similaire à un mot de passe couramment utilisé. Ajoutez des mots moins courants.',
    );
  });

  it('gives nothing for keys it does not know', () => {
    expect(weaknessAdvice({ score: 0, warning: 'unheard', suggestions: ['of'] }, 'en')).toBe('');
  });

  it('recognises a weakness carried in error details', () => {
    expect(isPasswordWeakness({ field: 'password', message: 'x', ...weakness })).toBe(true);
    expect(isPasswordWeakness({ field: 'password', message: 'too short' })).toBe(false);
    expect(isPasswordWeakness(undefined)).toBe(false);
  });
});

describe('loading the password rules', () => {
  /** The packages of @zxcvbn-ts a fresh process holds once it has run `script`. */
  function zxcvbnLoadedBy(script: string): string[] {
    const code = `
      const strength = require(${JSON.stringify(join(__dirname, 'password-strength'))});
      ${script};
      const loaded = Object.keys(require.cache).map((f) => /@zxcvbn-ts\\/([^/]+)/.exec(f)?.[1]);
      process.stdout.write(JSON.stringify([...new Set(loaded.filter(Boolean))].sort()));
    `;
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', code], {
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout) as string[];
  }

  it('leaves zxcvbn and its dictionaries unloaded until a password is checked', () => {
    expect(zxcvbnLoadedBy('')).toEqual([]);
    expect(zxcvbnLoadedBy("strength.passwordWeakness('password1234')")).toEqual([
      'core',
      'dictionary-compression',
      'language-common',
      'language-en',
      'language-fr',
    ]);
  });
});
