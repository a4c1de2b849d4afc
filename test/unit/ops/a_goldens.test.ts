// Every numpy golden of ops part A, one mocha test per case: creation, arithmetic and operators,
// comparisons and logic, unary math, selection (maximum/clip/where/round), reductions, sorting.
import { loadGoldens, runCase } from './a_golden';

for (const group of ['create', 'arith', 'logic', 'unary', 'select', 'reduce', 'sort']) {
  describe(`ops A goldens: ${group}`, () => {
    const cases = loadGoldens(group);
    it('has cases', () => {
      if (cases.length < 20) throw new Error(`only ${cases.length} cases`);
    });
    cases.forEach((c, i) => {
      it(`${i}: ${c.name}${c.error ? ' raises' : ''}`, () => runCase(c));
    });
  });
}
