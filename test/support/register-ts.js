/**
 * A require hook for the server processes the tests start (test/support/server-process.ts):
 * each TypeScript file is transpiled alone, as ts-node's transpile-only mode does, and the
 * JavaScript kept in a folder of the system's temporary directory under a digest of the file's
 * path and text, of the compiler options and of TypeScript's version. A process started after
 * the first compiles only the files changed since, and loads TypeScript itself only then.
 *   node -r ./test/support/register-ts.js test/support/serve.ts <port>
 */
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const CACHE = join(tmpdir(), 'gardefou-register-ts');
const tsconfig = readFileSync(join(ROOT, 'tsconfig.json'), 'utf8');
const typescriptVersion = require('typescript/package.json').version;
let compilerOptions;

function transpile(source, filename) {
  const ts = require('typescript');
  if (!compilerOptions) {
    const parsed = ts.parseJsonConfigFileContent(
      ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config,
      ts.sys,
      ROOT,
    );
    compilerOptions = {
      ...parsed.options,
      module: ts.ModuleKind.CommonJS,
      inlineSourceMap: true,
      inlineSources: true,
      sourceMap: false,
      declaration: false,
      noEmit: false,
    };
  }
  return ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
}

require.extensions['.ts'] = function loadTypeScript(module, filename) {
  const source = readFileSync(filename, 'utf8');
  const key = createHash('sha256')
    .update(typescriptVersion)
    .update(tsconfig)
    .update(filename)
    .update(source)
    .digest('hex');
  const cached = join(CACHE, `${key}.js`);
  let code;
  try {
    code = readFileSync(cached, 'utf8');
  } catch {
    code = transpile(source, filename);
    mkdirSync(CACHE, { recursive: true });
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, cached);
  }
  module._compile(code, filename);
};
process.setSourceMapsEnabled(true);
