import fc from 'fast-check';
import {
  excerpt,
  isVisibleToClient,
  likeContaining,
  listFilterPatterns,
  normaliseTags,
  plainText,
} from './article-text';
import { renderMarkdown } from './markdown';

/** SQL LIKE with `ESCAPE '!'`, as both databases evaluate it on folded (lower-case) text. */
function like(text: string, pattern: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '!') source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') source += '[\\s\\S]*';
    else if (c === '_') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u').test(text);
}

describe('plainText', () => {
  it.each([
    ['# Imprimante\n\nRedémarrez **le** spooler.', 'Imprimante Redémarrez le spooler.'],
    ['- un\n- deux', 'un deux'],
    ['Tom & Jerry <3 "quotes"', 'Tom & Jerry <3 "quotes"'],
    ['<script>alert(1)</script>Bonjour', 'Bonjour'],
    ['[lien](https://example.org) et `code`', 'lien et code'],
  ])('reads %j as %j', (md, expected) => {
    expect(plainText(renderMarkdown(md))).toBe(expected);
  });
});

describe('excerpt', () => {
  it.each([
    ['court', 10, 'court'],
    ['exactement dix', 14, 'exactement dix'],
    ['un deux trois quatre', 12, 'un deux…'],
    ['anticonstitutionnellement', 10, 'anticonsti…'],
  ])('cuts %j at %d characters as %j', (text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });

  it('never exceeds the limit plus the ellipsis', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 10, max: 300 }), (text, max) => {
        return excerpt(text, max).length <= max + 1;
      }),
    );
  });
});

describe('normaliseTags', () => {
  it.each([
    [
      [' Réseau ', 'réseau', 'VPN'],
      ['réseau', 'vpn'],
    ],
    [[], []],
    [
      ['Wi-Fi', 'wi-fi ', 'imprimante'],
      ['wi-fi', 'imprimante'],
    ],
  ])('normalises %j to %j', (tags, expected) => {
    expect(normaliseTags(tags)).toEqual(expected);
  });
});

describe('isVisibleToClient', () => {
  it.each([
    [true, [], 'c1', true],
    [true, ['c1', 'c2'], 'c1', true],
    [true, ['c2'], 'c1', false],
    [false, [], 'c1', false],
    [false, ['c1'], 'c1', false],
  ])('published %s for %j, client %s: %s', (published, clientIds, clientId, expected) => {
    expect(isVisibleToClient({ published, clientIds }, clientId)).toBe(expected);
  });
});

describe('likeContaining', () => {
  it.each([
    ['"vpn"', '"vpn"', true],
    ['"vpn"', '"vpn-2"', false],
    ['50%', 'remise 50% ici', true],
    ['50%', 'remise 500 ici', false],
    ['a_b', 'axb', false],
    ['!', 'bang!', true],
  ])('pattern for %j matches %j: %s', (value, text, expected) => {
    expect(like(text, likeContaining(value))).toBe(expected);
  });
});

describe('listFilterPatterns', () => {
  it.each([
    ['Imprim', ' imprimante reseau ', true],
    ['réseau imprimante', ' imprimante reseau ', true],
    ['primante', ' imprimante reseau ', false],
    ['imprimante vpn', ' imprimante reseau ', false],
  ])('q %j over %j: %s', (q, searchText, expected) => {
    expect(listFilterPatterns(q).every((p) => like(searchText, p))).toBe(expected);
  });
});
