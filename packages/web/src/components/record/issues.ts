/**
 * The server names each problem by its path in the whole document (`members[10].endDate`).
 * A form shows it next to the input it concerns: the path is cut to the form's own part and
 * matched to the closest field the form draws; what matches no field goes to the summary only.
 */
import type { ApiIssue } from '../../api/http.js';
import type { Draft, DraftValue } from './draft.js';
import type { FieldSpec, FieldTable } from './record-fields.js';

/** One problem, placed: the field path it belongs to (or null) and its text. */
export interface PlacedIssue {
  readonly field: string | null;
  /** The field's label, for the summary ("End date"). */
  readonly label: string | null;
  readonly message: string;
  /** The server's path, for problems that belong to no field of this form. */
  readonly path: string;
}

/** A field the form draws: its path in the draft and its label. */
export interface FieldPlace {
  readonly path: string;
  readonly label: string;
  readonly spec: FieldSpec;
}

/** Every field path the form draws for the draft as it is (groups expanded per item). */
export function fieldPlaces(fields: FieldTable, draft: Draft, prefix = ''): FieldPlace[] {
  const out: FieldPlace[] = [];
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.kind === 'generatedId') continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    out.push({ path, label: spec.label, spec });
    const value: DraftValue | undefined = draft[key];
    if (spec.kind === 'pair')
      spec.labels.forEach((label, i) => out.push({ path: `${path}[${i}]`, label, spec }));
    if (spec.kind === 'object' && value !== undefined && !Array.isArray(value))
      out.push(...fieldPlaces(spec.fields, value as Draft, path));
    if (spec.kind === 'group' && Array.isArray(value))
      (value as readonly Draft[]).forEach((item, i) =>
        out.push(
          ...fieldPlaces(spec.fields, item, `${path}[${i}]`).map((place) => ({
            ...place,
            label: `${spec.itemLabel} ${i + 1}: ${place.label}`,
          })),
        ),
      );
  }
  return out;
}

/** Cuts a path one step shorter: `a[0].b` → `a[0]` → `a`; null at the top. */
function parentPath(path: string): string | null {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? null : path.slice(0, cut);
}

/** Messages a person reads more easily than the validator's. */
export function friendlyMessage(issue: ApiIssue, spec: FieldSpec | null): string {
  const message = issue.message;
  if (/^must be at least 1 characters? long \(got ""\)$/.test(message)) return 'is required';
  if (spec && (spec.kind === 'choice' || spec.kind === 'ref' || spec.kind === 'pair')) {
    if (/\(got undefined\)$/.test(message) || message === 'is required') return 'choose one';
  }
  if (spec?.kind === 'refs' && /at least 1 item/.test(message)) return 'choose at least one';
  return message;
}

/**
 * Places the server's issues in a form. `prefix` matches the form's own part of the document
 * (`/^members\[\d+\]/` for a member, `/^collaboration/` for the header).
 */
export function placeIssues(
  issues: readonly ApiIssue[],
  prefix: RegExp,
  places: readonly FieldPlace[],
): PlacedIssue[] {
  const byPath = new Map(places.map((p) => [p.path, p]));
  return issues.map((issue) => {
    const match = prefix.exec(issue.path);
    if (!match || match.index !== 0)
      return { field: null, label: null, message: issue.message, path: issue.path };
    let rest: string | null = issue.path.slice(match[0].length).replace(/^\./, '');
    while (rest !== null && rest !== '') {
      const place = byPath.get(rest);
      if (place)
        return {
          field: place.path,
          label: place.label,
          message: friendlyMessage(issue, place.spec),
          path: issue.path,
        };
      rest = parentPath(rest);
    }
    return { field: null, label: null, message: issue.message, path: issue.path };
  });
}

/** The DOM id of a field's input: stable, and safe in `#` links. */
export function fieldDomId(formId: string, path: string): string {
  return `${formId}-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** The problems of each field, by field path. */
export function issuesByField(placed: readonly PlacedIssue[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const issue of placed) {
    if (issue.field === null) continue;
    out.set(issue.field, [...(out.get(issue.field) ?? []), issue.message]);
  }
  return out;
}
