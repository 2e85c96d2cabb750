/** Times in `trawlarr` output: UTC, minutes, as a server's log reads them ("2026-05-04 13:00 UTC"). */
export const when = (iso: string | undefined): string => (iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC') : '—');
