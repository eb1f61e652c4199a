/** The before and after of one audit entry, as a table of the fields that changed. */

type Flat = Map<string, string>;

/** A value in words: text as it is, the rest as compact JSON. */
function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Flattens nested objects into `a.b[2].c → value` rows (arrays of plain values stay whole). */
function flatten(value: unknown, prefix = '', out: Flat = new Map(), depth = 0): Flat {
  const isPlain = (v: unknown) => v === null || typeof v !== 'object';
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) {
    if (depth >= 4 || value.every(isPlain)) {
      out.set(prefix || '(value)', value.length === 0 ? '(none)' : value.map(show).join(', '));
      return out;
    }
    value.forEach((item, i) => {
      const path = `${prefix}[${i}]`;
      if (isPlain(item)) out.set(path, show(item));
      else flatten(item, path, out, depth + 1);
    });
    return out;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 || depth >= 4) {
      out.set(prefix || '(value)', show(value));
      return out;
    }
    for (const [key, item] of entries) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (item !== null && typeof item === 'object') flatten(item, path, out, depth + 1);
      else out.set(path, show(item));
    }
    return out;
  }
  out.set(prefix || '(value)', show(value));
  return out;
}

/** Whether an entry carries anything to show. */
export const hasDetail = (before: unknown, after: unknown): boolean =>
  (before !== null && before !== undefined) || (after !== null && after !== undefined);

/**
 * The fields of `before` and `after` side by side. For a change only the fields that differ
 * are listed (and how many stayed the same); for a creation or deletion every field.
 */
export function AuditDetail({
  before,
  after,
  caption,
}: {
  before: unknown;
  after: unknown;
  caption: string;
}) {
  const was = flatten(before);
  const now = flatten(after);
  const keys = [...new Set([...was.keys(), ...now.keys()])];
  const isChange = was.size > 0 && now.size > 0;
  const changed = isChange ? keys.filter((k) => was.get(k) !== now.get(k)) : keys;
  const same = keys.length - changed.length;
  if (keys.length === 0) return <p className="muted">Nothing more was recorded.</p>;
  return (
    <>
      <table className="ws-table ws-diff">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((key) => (
            <tr key={key}>
              <th scope="row">
                <code>{key}</code>
              </th>
              <td>
                <span className="ws-table__label" aria-hidden="true">
                  Before:{' '}
                </span>
                {was.get(key) ?? '—'}
              </td>
              <td>
                <span className="ws-table__label" aria-hidden="true">
                  After:{' '}
                </span>
                {now.get(key) ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {same > 0 && (
        <p className="muted ws-diff__same">
          {same} other field{same === 1 ? '' : 's'} stayed the same.
        </p>
      )}
    </>
  );
}
