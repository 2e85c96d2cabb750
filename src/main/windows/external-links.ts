/**
 * Links the settings window may open in the user's browser: http(s) URLs on the origin of an
 * instance the user configured (e.g. "open in Radarr"). Everything else is refused: opening
 * arbitrary URLs or other schemes (file:, smb:, custom handlers) is a classic Electron escape.
 */
export function isAllowedExternalUrl(url: string, instanceUrls: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  if (target.username || target.password) return false;
  return instanceUrls.some((configured) => {
    try {
      const base = new URL(configured);
      return (base.protocol === 'http:' || base.protocol === 'https:') && base.origin === target.origin;
    } catch {
      return false;
    }
  });
}
