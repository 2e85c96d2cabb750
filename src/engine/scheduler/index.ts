/** The scheduler's building blocks; see each module for the guarantees it gives. */
export * from './clock';
export * from './fake-clock';
export * from './next-run';
export * from './active-hours';
export * from './budget';
export * from './permit';
export * from './gates';
export * from './backoff';
export * from './items-per-run';
export * from './forecast';
export * from './pause';
export * from './instance-queue';
export * from './scheduler';
