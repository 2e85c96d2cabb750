/** Errors about the settings file or its content. The CLI exits 2 on these; messages never contain an API key. */

export interface ConfigIssue {
  /** readable location, e.g. instances["radarr"].jobs["upgrade"].itemsPerRun; empty for the whole file */
  path: string;
  message: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';

  constructor(
    message: string,
    /** the file (or store) the settings came from */
    readonly source?: string,
    readonly issues: readonly ConfigIssue[] = [],
  ) {
    super(message);
  }
}
