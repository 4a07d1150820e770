/**
 * Every e2e and integration file boots the whole application (Nest, migrations, a fresh
 * database) in its hooks and then drives it through HTTP: on a loaded machine, two or three
 * times slower than on a quiet one, a hook or a test may take minutes. Three minutes each is
 * generous; nothing here measures speed (that is bench/'s work).
 */
jest.setTimeout(180_000);
