/**
 * What the layout and accessibility tests measure in the page. The probes are page-side scripts
 * kept as text: this Node project has no DOM types, and the browser runs them as they are.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export interface Layout {
  viewport: number;
  scrollWidth: number;
  clientWidth: number;
  /** the right edge of the widest rendered element */
  widest: number;
  /** rendered elements reaching past the viewport's left or right edge */
  beyond: string[];
  /** controls (and progress bars) squeezed below a usable size */
  squeezed: string[];
}

// Elements inside .visually-hidden are for screen readers (1 px, clipped); elements with no box
// (display: none, closed <details>) are not shown, so they cannot overflow.
const LAYOUT_PROBE = String.raw`(() => {
  const vw = document.documentElement.clientWidth;
  const se = document.scrollingElement;
  const shown = (el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden');
  const name = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const label = el.getAttribute('aria-label') || (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return el.tagName.toLowerCase() + cls + (label ? ' "' + label + '"' : '');
  };
  let widest = 0;
  const beyond = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // page coordinates: the same whether or not the page is scrolled sideways
    const left = r.left + window.scrollX;
    const right = r.right + window.scrollX;
    widest = Math.max(widest, right);
    if (right > vw + 0.5 || left < -0.5) beyond.push(name(el) + ' at ' + Math.round(left) + '..' + Math.round(right));
  }
  const squeezed = [];
  for (const el of document.querySelectorAll('button, a[href], input, select, textarea, summary, progress, [role=progressbar]')) {
    if (!shown(el) || el.matches('.skip-link')) continue;
    const r = el.getBoundingClientRect();
    const bar = el.matches('progress, [role=progressbar]');
    const minWidth = bar ? 48 : el.matches('input[type=checkbox], input[type=radio]') ? 12 : 16;
    if (r.width < minWidth || r.height < (bar ? 4 : 12)) squeezed.push(name(el) + ' is ' + Math.round(r.width) + '×' + Math.round(r.height));
  }
  return { viewport: vw, scrollWidth: se.scrollWidth, clientWidth: se.clientWidth, widest: Math.round(widest), beyond, squeezed };
})()`;

export function measureLayout(page: Page): Promise<Layout> {
  return page.evaluate(LAYOUT_PROBE) as Promise<Layout>;
}

export interface Accessibility {
  /** rule id: the failing nodes, each with axe's summary */
  violations: Record<string, string[]>;
  /** the lowest text contrast axe measured on the page */
  minContrast: number | null;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe's WCAG 2 A and AA rules, color-contrast among them (tagged wcag2aa)
const AXE_PROBE = String.raw`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }).then((r) => {
  const ratios = [...r.passes, ...r.violations]
    .filter((x) => x.id === 'color-contrast')
    .flatMap((x) => x.nodes)
    .map((n) => n.any.concat(n.all, n.none).find((c) => c.data && c.data.contrastRatio)?.data.contrastRatio)
    .filter((x) => typeof x === 'number' && x > 0);
  const violations = {};
  for (const v of r.violations) violations[v.id] = v.nodes.map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' '));
  return { violations, minContrast: ratios.length ? Math.min(...ratios) : null };
})`;

/** axe-core in the page (injected through the DevTools protocol, which the page's CSP does not govern). */
export async function checkAccessibility(page: Page): Promise<Accessibility> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(AXE_PROBE)) as Accessibility;
}
