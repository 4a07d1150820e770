import { renderMarkdown } from './markdown';

/** The tags of the HTML with their quoted attribute values blanked: what a browser would run. */
function tagsWithoutValues(html: string): string {
  return (html.match(/<[^>]*>/g) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""')).join('');
}

/** What no rendered article may contain, however the attack is spelled. */
function expectHarmless(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(iframe|style|object|embed|form|svg|math|base|meta|link)\b/i);
  // An escaped `onmouseover=` inside a title is text; an attribute of that name would run.
  expect(tagsWithoutValues(html)).not.toMatch(/\son\w+\s*=/i);
  expect(html).not.toMatch(/(java|vb)script\s*:/i);
  expect(html).not.toMatch(/\bdata\s*:/i);
}

describe('renderMarkdown', () => {
  it.each([
    ['a heading', '## Imprimante réseau', '<h2>Imprimante réseau</h2>'],
    [
      'emphasis',
      'Redémarrez **le spouleur** puis *réessayez*',
      '<p>Redémarrez <strong>le spouleur</strong> puis <em>réessayez</em></p>',
    ],
    ['a list', '- Ouvrir\n- Fermer', '<ul>\n<li>Ouvrir</li>\n<li>Fermer</li>\n</ul>'],
    ['a numbered list starting at 3', '3. Trois\n4. Quatre', '<ol start="3">'],
    ['inline code', 'Tapez `ipconfig /all`', '<code>ipconfig /all</code>'],
    [
      'a fenced code block',
      '```powershell\nGet-Printer\n```',
      '<pre><code class="language-powershell">Get-Printer\n</code></pre>',
    ],
    [
      'a table with alignment',
      '| Poste | IP |\n|:--|--:|\n| Caisse | 10.0.0.5 |',
      '<th align="left">Poste</th>',
    ],
    [
      'a quote',
      '> Ne pas éteindre le NAS',
      '<blockquote>\n<p>Ne pas éteindre le NAS</p>\n</blockquote>',
    ],
    ['strikethrough', '~~ancienne procédure~~', '<del>ancienne procédure</del>'],
    [
      'an https link, made safe to open',
      '[Aide](https://exemple.fr/aide)',
      '<a href="https://exemple.fr/aide" rel="noopener noreferrer">Aide</a>',
    ],
    [
      'a mail link',
      '[Écrire](mailto:support@exemple.fr)',
      '<a href="mailto:support@exemple.fr" rel="noopener noreferrer">Écrire</a>',
    ],
    [
      'an image',
      '![Schéma](https://exemple.fr/reseau.png)',
      '<img src="https://exemple.fr/reseau.png" alt="Schéma" />',
    ],
    [
      'a task list',
      '- [x] Sauvegarde faite',
      '<li><input checked disabled type="checkbox" /> Sauvegarde faite</li>',
    ],
  ])('renders %s', (_case, md, expected) => {
    expect(renderMarkdown(md)).toContain(expected);
  });

  // After the OWASP XSS filter evasion cheat sheet.
  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['a script tag in mixed case', '<ScRiPt SRC=//evil.example/x.js></sCrIpT>'],
    ['a script split by a null-ish tag', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
    ['an image error handler', '<img src=x onerror=alert(1)>'],
    ['an image error handler without quotes or spaces', '<img/src="x"/onerror=alert(1)>'],
    ['a javascript: link in Markdown', '[clic](javascript:alert(1))'],
    ['a JaVaScRiPt: link in Markdown', '[clic](JaVaScRiPt:alert(1))'],
    ['a tab-obfuscated link in Markdown', '[clic](jav&#x09;ascript:alert(1))'],
    [
      'an entity-encoded javascript: href',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    ],
    [
      'a hex-entity javascript: href without semicolons',
      '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
    ],
    [
      'a javascript: href with a leading space and newline',
      '<a href=" jav\nascript:alert(1)">x</a>',
    ],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">x</a>'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['a javascript: image in Markdown', '![x](javascript:alert(1))'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['an svg with onload', '<svg onload=alert(1)>'],
    ['a style tag', '<style>body{background:url("javascript:alert(1)")}</style>'],
    ['a style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
    ['a body onload', '<body onload=alert(1)>'],
    ['a form posting elsewhere', '<form action="https://evil.example"><button>OK</button></form>'],
    [
      'a mouseover on a Markdown link title',
      '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")',
    ],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['an object', '<object data="javascript:alert(1)"></object>'],
    ['an event handler in a table cell', '<table><tr><td onclick="alert(1)">x</td></tr></table>'],
  ])('neutralises %s', (_case, md) => {
    expectHarmless(renderMarkdown(md));
  });

  it('keeps the text around a removed attack', () => {
    const html = renderMarkdown('Avant <script>alert(1)</script> après **gras**');
    expect(html).toContain('Avant');
    expect(html).toContain('<strong>gras</strong>');
    expect(html).not.toContain('alert');
  });

  it('keeps a safe link but drops its event handler', () => {
    expect(renderMarkdown('<a href="https://exemple.fr" onclick="alert(1)">ok</a>')).toContain(
      '<a href="https://exemple.fr" rel="noopener noreferrer">ok</a>',
    );
  });

  it('turns any raw input into a disabled checkbox', () => {
    expect(renderMarkdown('<input type="password" name="mdp" value="x">')).toBe(
      '<input type="checkbox" disabled />',
    );
  });

  it('drops an image whose source was removed', () => {
    expect(renderMarkdown('![x](javascript:alert(1))')).not.toContain('<img');
  });

  it('escapes HTML written inside code', () => {
    expect(renderMarkdown('`<script>alert(1)</script>`')).toContain(
      '<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>',
    );
  });
});
