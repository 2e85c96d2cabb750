/**
 * The commands the README gives, read from the README itself: every line of the fenced `sh` blocks
 * under the given `## ` headings, in order, comments and blank lines left out.
 */
export function readmeCommands(markdown: string, sections: readonly string[]): { section: string; command: string }[] {
  const found: { section: string; command: string }[] = [];
  let section: string | null = null;
  let fence: string | null = null; // the open block's language ('' for none), or null outside blocks
  for (const line of markdown.split('\n')) {
    const mark = /^```(\S*)/.exec(line);
    if (mark) {
      fence = fence === null ? mark[1] : null;
      continue;
    }
    if (fence !== null) {
      const command = line.replace(/\s#.*$/, '').trim();
      if (fence === 'sh' && section !== null && command && !command.startsWith('#')) found.push({ section, command });
      continue;
    }
    const heading = /^## (.+?)\s*$/.exec(line);
    if (heading) section = sections.includes(heading[1]) ? heading[1] : null;
  }
  return found;
}
