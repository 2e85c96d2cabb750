/** Upstream version arithmetic: several behaviours switch at a release (spec/arr/NOTES.md §14). */
export interface Version {
  text: string;
  parts: number[];
  atLeast(...min: number[]): boolean;
}

export function parseVersion(text: string): Version {
  if (!/^\d+(\.\d+){1,3}$/.test(text)) throw new Error(`version must look like 6.0.3.10276, got "${text}"`);
  const parts = text.split('.').map(Number);
  return {
    text,
    parts,
    atLeast(...min: number[]) {
      for (let i = 0; i < min.length; i++) {
        const v = parts[i] ?? 0;
        if (v !== min[i]) return v > min[i];
      }
      return true;
    },
  };
}

export const DEFAULT_VERSION = { radarr: '6.0.3.10276', sonarr: '4.0.19.2979' } as const;
