/** Immutable update of a nested value by a dotted path ("throughput.activeHours.0.start"). */
export function setIn<T>(target: T, path: string, value: unknown): T {
  if (path === '') return value as T;
  const [head, ...rest] = path.split('.');
  const key: string | number = Array.isArray(target) ? Number(head) : head;
  const container = (target ?? (/^\d+$/.test(head) ? [] : {})) as Record<string | number, unknown>;
  const child = setIn(container[key], rest.join('.'), value);
  if (Array.isArray(container)) {
    const copy = container.slice();
    copy[key as number] = child;
    return copy as T;
  }
  return { ...container, [key]: child } as T;
}

export function getIn(target: unknown, path: string): unknown {
  if (path === '') return target;
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), target);
}
