import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

interface FileResult {
  name: string;
  status: 'passed' | 'failed';
  message: string;
  assertionResults: Array<{ title: string; status: string; failureMessages: string[] }>;
}

/**
 * Runs Jest on the files of test/fixtures/faults with the e2e settings of jest.config.js (its
 * setup files included), as the suites run, and returns its verdict file by file.
 */
async function runFixtures(): Promise<{ code: number | null; files: FileResult[] }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { projects } = require('../jest.config.js') as { projects: Array<{ displayName: string }> };
  const e2e = projects.find((p) => p.displayName === 'e2e');
  const config = {
    ...e2e,
    rootDir: ROOT,
    testMatch: ['<rootDir>/test/fixtures/faults/*.fixture.ts'],
  };
  const dir = mkdtempSync(join(tmpdir(), 'gardefou-fixtures-'));
  const output = join(dir, 'results.json');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
          '--config',
          JSON.stringify(config),
          '--runInBand',
          '--ci',
          '--json',
          '--outputFile',
          output,
        ],
        { cwd: ROOT, env: process.env, stdio: 'ignore' },
      );
      child.once('error', reject);
      child.once('exit', (exitCode) => resolve(exitCode));
    });
    const results = JSON.parse(readFileSync(output, 'utf8')) as { testResults: FileResult[] };
    return { code, files: results.testResults };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('an unhandled rejection fails the test file it happens in', () => {
  let run: Awaited<ReturnType<typeof runFixtures>>;

  beforeAll(async () => {
    run = await runFixtures();
  });

  const file = (name: string): FileResult => {
    const found = run.files.find((f) => f.name.endsWith(name));
    if (!found) throw new Error(`${name} did not run`);
    return found;
  };

  it('fails the run', () => {
    expect(run.code).toBe(1);
    expect(run.files).toHaveLength(2);
  });

  it('fails a file whose server process crashed, though each of its tests passed', () => {
    const crashed = file('server-crash.fixture.ts');
    expect(crashed.assertionResults.map((a) => a.status)).toEqual(['passed', 'passed']);
    expect(crashed.status).toBe('failed');
    // The crashed process is named, the one stopped as tests stop them is not.
    expect(crashed.message.match(/exited on its own \(SIGKILL\)/g)).toHaveLength(1);
  });

  it('fails the test during which a rejection went unhandled in the test process', () => {
    const dangling = file('dangling-rejection.fixture.ts');
    expect(dangling.status).toBe('failed');
    expect(dangling.assertionResults).toEqual([
      expect.objectContaining({
        status: 'failed',
        failureMessages: [expect.stringContaining('a rejection nobody handles')],
      }),
    ]);
  });
});
