/**
 * The direction of dependencies between the folders of src/ (docs/architecture.md), checked by
 * `npm run lint`. Layers from the bottom up; a folder may import its own layer and those below,
 * never one above. Type-only imports count: a type is knowledge too.
 */
const LAYERS = [
  ['calendar'],
  ['i18n'],
  ['common'],
  ['documents'],
  ['mail'],
  ['practice', 'clients', 'activities', 'users', 'auth'],
  ['digest'],
  ['contracts', 'knowledge'],
  ['interventions', 'requests'],
  ['allowance'],
  ['usage', 'alerts'],
  ['invoicing'],
  ['reports', 'exports', 'coaching'],
  ['web', 'health'],
];

const folders = (names) => `^src/(${names.join('|')})/`;

/** Every controller names its roles and its caller with auth's decorators, whatever its layer. */
const EVERYWHERE = '^src/auth/auth\\.decorators\\.ts$';

const upward = LAYERS.slice(0, -1).map((layer, k) => ({
  name: `${layer.join('-')}-not-upward`,
  comment: `${layer.join(', ')} may not import ${LAYERS.slice(k + 1)
    .flat()
    .join(', ')}`,
  severity: 'error',
  from: { path: folders(layer) },
  to: { path: folders(LAYERS.slice(k + 1).flat()), pathNot: EVERYWHERE },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'calendar-and-i18n-import-nothing-of-ours',
      comment:
        'calendar is pure date arithmetic over luxon and i18n the message catalogue over intl-messageformat: neither imports anything of ours beyond the layers below (the layers say the rest)',
      severity: 'error',
      from: { path: '^src/(calendar|i18n)/' },
      to: { path: '^(test|migrations|scripts)/|^src/[^/]+$' },
    },
    {
      name: 'requests-know-no-work',
      comment:
        'interventions sit on requests (quota units, the request worked on), not the reverse',
      severity: 'error',
      from: { path: '^src/requests/' },
      to: { path: '^src/interventions/' },
    },
    {
      name: 'contracts-know-no-articles',
      comment: 'articles may name contracts; a contract knows nothing of the knowledge base',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/knowledge/' },
    },
    {
      name: 'no-test-code-in-the-product',
      comment: 'fixtures and factories live in test/; only unit specs may use them',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
