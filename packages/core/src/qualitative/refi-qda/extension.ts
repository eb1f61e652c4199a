import { z } from 'zod';
import type { CollaborationDocument } from '../../document/schema.js';

/**
 * Weframe's extension entry in a .qdpx: `weframe.json` at the archive root. REFI-QDA has no
 * place for a record's Weframe id, a source's kind, date and speaker turns, a code's model
 * element, a memo's exact target or a record's author and confidentiality, and its XSD
 * allows no foreign attributes; so these travel beside project.qde, keyed by GUID. Other
 * tools ignore the entry (and drop it when they re-export, when GUIDs alone remain).
 *
 * On import the XML stays the truth for everything it says; the extension only adds what
 * the XML cannot say, and only the fields listed in {@link EXTRA_FIELDS}.
 */

/** The name of the extension entry in the archive. */
export const EXTENSION_ENTRY = 'weframe.json';

/** The qualitative part of a collaboration document. */
export type QualitativeData = CollaborationDocument['qualitative'];

/** Collections of the qualitative part whose records carry ids (and so GUIDs). */
export type GuidCollection = 'sources' | 'codes' | 'coders' | 'codings' | 'memos' | 'cases';

const META = ['author', 'confidentialTo', 'version'] as const;

/** Per collection, the fields REFI-QDA cannot carry, which the extension restores. */
export const EXTRA_FIELDS: Record<GuidCollection, readonly string[]> = {
  sources: [...META, 'kind', 'date', 'format', 'turns', 'participantCaseIds'],
  codes: [...META, 'elementId'],
  coders: [...META],
  codings: [...META, 'memoNote'],
  memos: [...META, 'target'],
  cases: [...META, 'memberId', 'agencyId'],
};

/** The shape of the extension entry, checked before any of it is used. */
export const extensionSchema = z.strictObject({
  format: z.literal('weframe-refi-qda-extension'),
  version: z.literal(1),
  collaborationId: z.string().min(1).max(120),
  records: z
    .array(
      z.strictObject({
        guid: z.string().min(1).max(40),
        collection: z.enum(['sources', 'codes', 'coders', 'codings', 'memos', 'cases']),
        id: z.string().min(1).max(120),
        extra: z.record(z.string(), z.unknown()),
      }),
    )
    .max(5_000_000),
});

/** The extension entry's content. */
export type Extension = z.output<typeof extensionSchema>;

/** The listed fields of a record that are set (an own copy). */
export function pickExtra(
  collection: GuidCollection,
  record: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of EXTRA_FIELDS[collection]) {
    const value = record[key];
    if (value !== undefined) out[key] = JSON.parse(JSON.stringify(value)) as unknown;
  }
  return out;
}
