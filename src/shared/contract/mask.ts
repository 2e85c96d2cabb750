/**
 * API keys never reach the renderer or an HTTP response: the UI sees a masked form and can
 * replace a key, never read one.
 */

export const MASK = '••••';

/** "••••1a2b" for a real key; keys too short to hide anything show no characters at all. */
export function maskApiKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length === 0) return '';
  if (trimmed.length < 16) return MASK;
  return MASK + trimmed.slice(-4);
}

/** `env:NAME` in a config file names an environment variable: the name is shown, it is not a secret. */
export function apiKeyEnvName(key: string): string | undefined {
  const m = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(key.trim());
  return m ? m[1] : undefined;
}

/**
 * Last line of defence used by every transport: replace any known secret that still made it into
 * a serialized response. Returns the text and whether anything was replaced (a bug to report).
 */
export function redactSecrets(text: string, secrets: Iterable<string>): { text: string; redacted: boolean } {
  let out = text;
  let redacted = false;
  for (const secret of secrets) {
    // a few characters could match anything; real keys are 32 characters
    if (!secret || secret.length < 8 || apiKeyEnvName(secret)) continue;
    if (out.includes(secret)) {
      out = out.split(secret).join(MASK);
      redacted = true;
    }
  }
  return { text: out, redacted };
}
