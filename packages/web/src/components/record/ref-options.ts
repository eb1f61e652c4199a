/**
 * The choices of reference fields (agencies, members, goals…) from what the page loaded, and
 * the names of records by id for tables and messages.
 */
import type {
  EditableCollection,
  OutcomeFramework,
  StoredRecord,
  VisibleNames,
} from '../../api/records.js';
import {
  COLLECTIONS,
  ECM_OUTCOMES,
  type NameOf,
  type Option,
  type RefSource,
} from './record-fields.js';

/** What the page loaded that references point at. */
export interface RefData {
  readonly collections: Partial<Record<EditableCollection, readonly StoredRecord[]>>;
  /** Outcome frameworks of the document, when it was read (else only the built-in one). */
  readonly outcomeFrameworks?: readonly OutcomeFramework[];
  /** Names a member-role user may read through the diagnosis. */
  readonly visible?: VisibleNames;
}

/** Choices per source, and names by id. */
export interface RefOptions {
  /** The choices, or null when the user may not list them (they type an id instead). */
  readonly choices: (source: RefSource) => readonly Option[] | null;
  readonly nameOf: NameOf;
}

const ECM: Option = { value: 'ecm', label: 'Every Child Matters (its five outcomes)' };

/** Collections whose records a policy interaction may cite as evidence. */
export const EVIDENCE_COLLECTIONS: readonly EditableCollection[] = [
  'withheldInformation',
  'adaptations',
  'decisions',
  'coordinatingRecords',
  'referrals',
  'caseEvents',
];

const SOURCE_COLLECTION: Partial<Record<RefSource, EditableCollection>> = {
  agencies: 'agencies',
  professions: 'professions',
  members: 'members',
  goals: 'goals',
  cases: 'cases',
  responsibilityAreas: 'responsibilityAreas',
  policies: 'policies',
  constraints: 'professions',
};

/** The collections a form with these sources needs loaded. */
export function collectionsFor(sources: Iterable<RefSource>): Set<EditableCollection> {
  const out = new Set<EditableCollection>();
  for (const source of sources) {
    const collection = SOURCE_COLLECTION[source];
    if (collection) out.add(collection);
    if (source === 'evidence') for (const c of EVIDENCE_COLLECTIONS) out.add(c);
  }
  return out;
}

const merge = (
  own: readonly Option[],
  extra: readonly { id: string; label: string }[] | undefined,
): Option[] => {
  const seen = new Set(own.map((o) => o.value));
  return [
    ...own,
    ...(extra ?? []).filter((e) => !seen.has(e.id)).map((e) => ({ value: e.id, label: e.label })),
  ];
};

/** Builds the choices and names from the loaded data. */
export function refOptions(data: RefData): RefOptions {
  const cache = new Map<RefSource, readonly Option[] | null>();
  const names = new Map<string, string>();

  const recordsOf = (collection: EditableCollection) => data.collections[collection];
  const optionsOf = (collection: EditableCollection): Option[] | null => {
    const records = recordsOf(collection);
    if (records === undefined) return null;
    const info = COLLECTIONS[collection];
    return records.map((r) => ({ value: r.id, label: info.label(r, nameOf) || r.id }));
  };

  const compute = (source: RefSource): readonly Option[] | null => {
    switch (source) {
      case 'agencies':
      case 'members':
      case 'responsibilityAreas': {
        const own = optionsOf(source);
        const extra = data.visible?.[source];
        if (own === null && extra === undefined) return null;
        return merge(own ?? [], extra);
      }
      case 'professions':
      case 'goals':
      case 'cases':
      case 'policies':
        return optionsOf(source);
      case 'outcomes':
        return [
          ...ECM_OUTCOMES,
          ...(data.outcomeFrameworks ?? []).flatMap((f) =>
            f.outcomes.map((o) => ({ value: o.id, label: `${o.label} (${f.name})` })),
          ),
        ];
      case 'outcomeFrameworks':
        return [
          ECM,
          ...(data.outcomeFrameworks ?? []).map((f) => ({ value: f.id, label: f.name })),
        ];
      case 'constraints': {
        const professions = recordsOf('professions');
        if (professions === undefined) return null;
        return professions.flatMap((p) =>
          (Array.isArray(p.constraints) ? (p.constraints as Record<string, unknown>[]) : []).map(
            (c) => {
              const text = typeof c.description === 'string' ? c.description : '';
              const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
              return {
                value: String(c.id),
                label: `${String(p.name)}: ${short || String(c.id)}`,
              };
            },
          ),
        );
      }
      case 'evidence':
        return EVIDENCE_COLLECTIONS.flatMap((collection) =>
          (optionsOf(collection) ?? []).map((o) => ({
            value: o.value,
            label: `${COLLECTIONS[collection].title}: ${o.label}`,
          })),
        );
    }
  };

  const choices = (source: RefSource) => {
    if (!cache.has(source)) cache.set(source, compute(source));
    return cache.get(source) ?? null;
  };

  const nameOf: NameOf = (source, id) => {
    const key = `${source}\u0000${id}`;
    const known = names.get(key);
    if (known !== undefined) return known;
    // Records name each other (a relation names its agencies): look up without recursion.
    names.set(key, id);
    const found = choices(source)?.find((o) => o.value === id)?.label ?? id;
    names.set(key, found);
    return found;
  };

  return { choices, nameOf };
}
