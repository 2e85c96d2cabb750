/**
 * A recorder to pass as the simulator's `onExchange`: every request (what a client sent) and every
 * response (what the simulator served) is checked against the upstream spec.
 *
 *   const contract = createContractRecorder('radarr');
 *   const sim = await startSimulator({ app: 'radarr', onExchange: contract.onExchange });
 *   ... afterAll(() => expect(contract.violations()).toEqual([]));
 */
import { contractValidator, type ExchangeLike, type Violation } from './validator.js';
import type { ArrApp } from './spec.js';

export interface ContractRecorder {
  onExchange(x: ExchangeLike): void;
  /** violations found so far */
  violations(): Violation[];
  /** how many exchanges were checked */
  checked(): number;
  /** a readable report, one violation a line ('' when clean) */
  report(): string;
  reset(): void;
}

export function createContractRecorder(app: ArrApp): ContractRecorder {
  const validator = contractValidator(app);
  let found: Violation[] = [];
  let count = 0;
  return {
    onExchange(x) {
      count++;
      try {
        found.push(...validator.check(x));
      } catch (e) {
        found.push({ app, method: x.method, path: x.path, status: x.status, where: 'path', message: `validator error: ${(e as Error).message}` });
      }
    },
    violations: () => found.slice(),
    checked: () => count,
    report: () => found.map((v) => `${v.method} ${v.path} → ${v.status} [${v.where}] ${v.message}`).join('\n'),
    reset() {
      found = [];
      count = 0;
    },
  };
}
