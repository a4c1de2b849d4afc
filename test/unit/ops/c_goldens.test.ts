// Every numpy golden of ops round 2, one mocha test per case (see c_golden.ts for what is checked).
import '../../../src/core/ops/index';
import { loadC, runC } from './c_golden';

for (const group of ['ufunc', 'reduce', 'misc', 'scipy', 'check']) {
  describe(`ops round 2 goldens: ${group}`, () => {
    const cases = loadC(group);
    it('has cases', () => {
      if (cases.length < 20) throw new Error(`only ${cases.length} cases`);
    });
    cases.forEach((c, i) => {
      it(`${i}: ${c.name}${c.error ? ' raises' : ''}`, () => runC(c));
    });
  });
}
