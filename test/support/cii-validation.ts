import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The offline EN 16931 / Factur-X validation kit (official XSDs and schematrons, with its
 * `validate-cii` script), kept in the repository under test/fixtures/einvoicing so that a fresh
 * clone validates with nothing fetched; EINVOICING_KIT points at another copy.
 */
export const EINVOICING_KIT = process.env.EINVOICING_KIT
  ? resolve(process.env.EINVOICING_KIT)
  : resolve(__dirname, '../fixtures/einvoicing');
const PROJECT_NODE_MODULES = resolve(__dirname, '../../node_modules');

export interface CiiFinding {
  /** "xsd:en16931", "xsd:facturx", "sch:en16931", "sch:facturx", "sch:fr-ctc". */
  layer: string;
  severity: 'error' | 'warning';
  id: string;
  flag?: string;
  location: string;
  text: string;
}

export interface CiiReport {
  name: string;
  findings: CiiFinding[];
  /** Errors of the XSDs, the EN 16931 rules and the Factur-X rules. */
  errors: CiiFinding[];
  /** Errors of the French CTC rules (BR-FR), reported apart. */
  frenchErrors: CiiFinding[];
}

/**
 * Runs the kit's `validate-cii` (both XSDs, the EN 16931, Factur-X and BR-FR schematrons) on
 * named XML documents at once, with the project's own xslt3/saxon-js: nothing is fetched.
 */
export function validateCii(documents: Record<string, string>): Record<string, CiiReport> {
  const dir = mkdtempSync(join(tmpdir(), 'cii-'));
  try {
    const names = Object.keys(documents);
    const files = names.map((name) => {
      const file = join(dir, `${name}.xml`);
      writeFileSync(file, documents[name], 'utf8');
      return file;
    });
    const run = spawnSync(
      join(EINVOICING_KIT, 'validate-cii'),
      ['--json', '--facturx', '--fr-ctc', ...files],
      {
        encoding: 'utf8',
        env: { ...process.env, VALIDATE_CII_NODE_MODULES: PROJECT_NODE_MODULES },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (run.status !== 0 && run.status !== 1) {
      const why = run.error ? run.error.message : run.stderr;
      throw new Error(`validate-cii could not run (${run.status}): ${why}`);
    }
    const results = JSON.parse(run.stdout) as { file: string; findings: CiiFinding[] }[];
    return Object.fromEntries(
      results.map((r, k) => {
        const errors = r.findings.filter((f) => f.severity === 'error');
        return [
          names[k],
          {
            name: names[k],
            findings: r.findings,
            errors: errors.filter((f) => f.layer !== 'sch:fr-ctc'),
            frenchErrors: errors.filter((f) => f.layer === 'sch:fr-ctc'),
          },
        ];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "BR-CO-15 [sch:en16931] …", one finding a line, to read in a failing expectation. */
export function findingLines(findings: CiiFinding[]): string[] {
  return findings.map((f) => `${f.id} [${f.layer}] ${f.location} ${f.text}`.slice(0, 400));
}
