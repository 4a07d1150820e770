/**
 * Jest's order of test files, with one change: where a file has no timing from an earlier run
 * (a fresh clone, as in CI), the files known to take longest go first, so that no worker is
 * left running one of them alone at the end. Once Jest has timings it orders by them as usual.
 */
'use strict';
const Sequencer = require('@jest/test-sequencer').default;

/** The slowest files, slowest first (a full run's timings on two cores). */
const SLOW = [
  'test/import-large.e2e-spec.ts',
  'test/demo.e2e-spec.ts',
  'test/billing-histories.e2e-spec.ts',
  'test/faults-crash.e2e-spec.ts',
  'test/tenant-matrix.e2e-spec.ts',
  'test/mail-crash.e2e-spec.ts',
  'test/architecture.int-spec.ts',
  'test/users.e2e-spec.ts',
  'test/mail-account.e2e-spec.ts',
  'test/facturx.e2e-spec.ts',
  'test/invoicing-concurrency.e2e-spec.ts',
  'test/fuzz.e2e-spec.ts',
];

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (test) =>
      this.time(test) === undefined
        ? SLOW.findIndex((file) => test.path.replaceAll('\\', '/').endsWith(file))
        : -1;
    const slow = sorted.filter((test) => rank(test) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...slow, ...sorted.filter((test) => rank(test) < 0)];
  }
}

module.exports = SlowFirstSequencer;
