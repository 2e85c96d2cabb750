export { ConfigError, type ConfigIssue } from './errors';
export { loadConfigFile, parseSettings, saveConfigFile, type ParseOptions } from './load';
export { migrate, MIGRATIONS, MigrationError, type MigrationStep, type MigrationTable, type SettingsDocument } from './migrations';
export { isEnvReference, resolveApiKey, secretsOf, type Env } from './api-key';
export { isMaskedApiKey, maskApiKey, MASK, redactSettings, scrubSecrets, type RedactedSettings, type RedactOptions } from './redact';
export { exportFileName, exportSettingsJson, importSettingsJson, type ImportedSettings } from './portable';
