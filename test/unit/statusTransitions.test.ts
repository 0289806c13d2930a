import { canTransition } from '../../storage/index.js';
import { ALL_PAIRS } from '../contract/queueStatusContract.js';

// The pure rule; the same table is checked on stored files of both back ends by the status contract.
describe('which status may follow which (DOMAIN.md)', () => {
  it.each(ALL_PAIRS)('canTransition($from, $to) is $legal', ({ from, to, legal }) => {
    expect(canTransition(from, to)).toBe(legal);
  });
});
