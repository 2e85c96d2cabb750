/** Contract checking against the upstream Radarr/Sonarr OpenAPI specs (see validator.ts for the rules). */
export { createContractRecorder, type ContractRecorder } from './recorder.js';
export { checkExchange, contractValidator, ContractValidator, type ExchangeLike, type Violation } from './validator.js';
export { loadSpec, specDir, type ArrApp } from './spec.js';
