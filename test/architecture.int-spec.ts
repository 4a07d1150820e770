import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.js');
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface CruiseResult {
  summary: {
    error: number;
    violations: Array<{ from: string; to: string; rule: { name: string; severity: string } }>;
  };
}

/** The violations that fail the run. */
const errors = (result: CruiseResult) =>
  result.summary.violations.filter((v) => v.rule.severity === 'error');

/** Runs dependency-cruiser as `npm run lint` does, in `cwd`, and reads its JSON report. */
async function cruise(cwd: string, extra: string[] = []): Promise<CruiseResult> {
  const args = [CLI, 'src', '--config', CONFIG, '--output-type', 'json', ...extra];
  const { stdout } = await run(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }).catch(
    (failed: { stdout?: string }) => ({ stdout: failed.stdout ?? '' }),
  );
  return JSON.parse(stdout) as CruiseResult;
}

describe('the direction of dependencies (npm run lint)', () => {
  let sandbox: string;

  /** A throw-away tree: each file imports the files it names, nothing else. */
  function tree(files: Record<string, string[]>): string {
    const dir = mkdtempSync(join(sandbox, 'tree-'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: {} }));
    for (const [file, imports] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      const lines = imports.map((to, k) => {
        const spec = relative(dirname(file), to).replace(/\.ts$/, '');
        const path = spec.startsWith('.') ? spec : `./${spec}`;
        return to.endsWith('#type')
          ? `import type { T${k} } from '${path.replace(/#type$/, '').replace(/\.ts$/, '')}';`
          : `import { v${k} } from '${path}';`;
      });
      writeFileSync(
        join(dir, file),
        `${lines.join('\n')}\nexport const v = 1;\nexport type T = 1;\n`,
      );
    }
    return dir;
  }

  beforeAll(() => {
    sandbox = mkdtempSync(join(tmpdir(), 'gardefou-architecture-'));
  });
  afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

  it('finds no wrong-way import in the real tree', async () => {
    const result = await cruise(ROOT);
    expect(errors(result)).toEqual([]);
    expect(result.summary.error).toBe(0);
  });

  it.each([
    ['interventions import invoicing', 'src/interventions/writer.ts', 'src/invoicing/lock.ts'],
    ['requests import interventions', 'src/requests/log.ts', 'src/interventions/work.ts'],
    ['a contract imports requests', 'src/contracts/rules.ts', 'src/requests/filing.ts'],
    ['invoicing imports reports', 'src/invoicing/drafts.ts', 'src/reports/report.ts'],
    ['usage imports invoicing', 'src/usage/figures.ts', 'src/invoicing/math.ts'],
    ['the allowance ledger imports usage', 'src/allowance/ledger.ts', 'src/usage/figures.ts'],
    ['common imports clients', 'src/common/tenant.ts', 'src/clients/client.ts'],
    ['calendar imports common', 'src/calendar/periods.ts', 'src/common/format.ts'],
    ['product code imports a test fixture', 'src/exports/csv.ts', 'test/fixtures/journal.ts'],
  ])('fails when %s', async (_case, from, to) => {
    const result = await cruise(tree({ [from]: [to], [to]: [] }));
    expect(result.summary.error).toBe(1);
    expect(result.summary.violations).toEqual([
      expect.objectContaining({ from, to: expect.stringMatching(new RegExp(`^${to}`)) }),
    ]);
  });

  it('counts an import of types alone as a dependency', async () => {
    const result = await cruise(
      tree({
        'src/interventions/view.ts': ['src/invoicing/invoice.ts#type'],
        'src/invoicing/invoice.ts': [],
      }),
    );
    expect(result.summary.violations.map((v) => [v.from, v.to])).toEqual([
      ['src/interventions/view.ts', 'src/invoicing/invoice.ts'],
    ]);
  });

  it.each([
    ['invoicing imports interventions', 'src/invoicing/drafts.ts', 'src/interventions/claims.ts'],
    ['interventions import requests', 'src/interventions/quota.ts', 'src/requests/ledger.ts'],
    ['invoicing reads the allowance ledger', 'src/invoicing/drafts.ts', 'src/allowance/ledger.ts'],
    ['web imports reports', 'src/web/console.ts', 'src/reports/report.ts'],
    [
      'a controller below takes auth’s decorators',
      'src/contracts/c.ts',
      'src/auth/auth.decorators.ts',
    ],
    ['a unit spec uses a test fixture', 'src/exports/csv.spec.ts', 'test/fixtures/journal.ts'],
  ])('lets the arrow’s way through: %s', async (_case, from, to) => {
    const result = await cruise(tree({ [from]: [to], [to]: [] }));
    expect(result.summary.violations).toEqual([]);
  });
});

/** The read models: reports, exports and coaching aggregate other modules' tables in SQL, from these files. */
const READ_MODELS = /^src\/(reports|exports|coaching)\/[^/]+-queries\.ts$/;

/** Tables with no entity, and their module. */
const TABLES_WITHOUT_ENTITY: Record<string, string> = { invoice_documents: 'invoicing' };

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const moduleOf = (file: string): string => file.split('/')[1];

/** Which module owns each table: the folder of its entity. */
function tableOwners(files: Array<{ file: string; text: string }>): Map<string, string> {
  const owners = new Map(Object.entries(TABLES_WITHOUT_ENTITY));
  for (const { file, text } of files) {
    for (const m of text.matchAll(/@Entity\('(\w+)'\)/g)) owners.set(m[1], moduleOf(file));
  }
  return owners;
}

/** The tables a file names in SQL (FROM, JOIN, UPDATE, INTO, a query builder's from('…')). */
function tablesNamedIn(text: string): string[] {
  const named = [
    ...text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+"?([a-z_]+)"?(?=[\s,;)`'"]|$)/g),
    ...text.matchAll(/\.from\(\s*'([a-z_]+)'/g),
    ...text.matchAll(/tableName\s*===?\s*'([a-z_]+)'/g),
  ];
  return named.map((m) => m[1]);
}

function foreignTableReads(files: Array<{ file: string; text: string }>): string[] {
  const owners = tableOwners(files);
  return files.flatMap(({ file, text }) =>
    READ_MODELS.test(file)
      ? []
      : tablesNamedIn(text)
          .filter((t) => owners.has(t) && owners.get(t) !== moduleOf(file))
          .map((t) => `${file} reads ${t} (${owners.get(t)}'s)`),
  );
}

describe('tables by name', () => {
  const source = tsFiles(join(ROOT, 'src')).map((path) => ({
    file: relative(ROOT, path).split('\\').join('/'),
    text: readFileSync(path, 'utf8'),
  }));

  it('no module reads another module’s table by name, but the read models', () => {
    expect(foreignTableReads(source)).toEqual([]);
  });

  it('would name a module reading another’s table, and let a read model and the owner do it', () => {
    const invoices = { file: 'src/invoicing/invoice.entity.ts', text: "@Entity('invoices')" };
    const reads = (file: string) => ({ file, text: 'SELECT status FROM invoices WHERE id = $1' });
    expect(
      foreignTableReads([
        invoices,
        reads('src/interventions/invoice-lock.ts'),
        reads('src/invoicing/invoices.service.ts'),
        reads('src/reports/client-report-queries.ts'),
      ]),
    ).toEqual(["src/interventions/invoice-lock.ts reads invoices (invoicing's)"]);
  });
});
