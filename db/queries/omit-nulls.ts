/**
 * Drops null and undefined fields, keeping key order: the database stores "absent" as NULL, the
 * interchange format leaves the key out, and a round trip must give the same object back.
 */
export function omitNulls<T extends Record<string, unknown>>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== null && v !== undefined) out[key] = v;
  return out as { [K in keyof T]?: Exclude<T[K], null> };
}
