/** Turning the engine's errors into the contract's ServiceError (messages never hold a key). */
import { ArrError } from '../../../arr';
import { ServiceError, type ContractIssue } from '../../../shared/contract/errors';
import { ConfigError } from '../../config';

export function toServiceError(error: unknown): never {
  if (error instanceof ServiceError) throw error;
  if (error instanceof ConfigError) {
    const issues: ContractIssue[] = error.issues.map((i) => ({ path: [], field: i.path, message: i.message }));
    throw new ServiceError('invalid-request', error.message, issues.length ? issues : undefined);
  }
  if (error instanceof ArrError) throw new ServiceError('unavailable', error.message);
  throw error;
}

/** Runs `call`, rethrowing expected failures as ServiceErrors. */
export async function serviceCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    toServiceError(error);
  }
}
