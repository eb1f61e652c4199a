import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../../document/restore.js';
import { buildDocument } from '../../test-support/factories.js';
import { guidForId } from '../guid.js';
import { mergeQualitative } from '../merge.js';
import { buildQualitativeDocument } from '../test-support/qualitative.factory.js';
import { exportQdc, exportQdpx } from './export.js';
import { importQdc, importQdpx } from './import.js';

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify((result as { issues?: unknown }).issues, null, 2));
  return result as Extract<T, { ok: true }>;
}

/** The archive without Weframe's extension entry, as another tool would re-export it. */
function withoutExtension(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  delete files['weframe.json'];
  return zipSync(files);
}

describe('Weframe → .qdpx → Weframe', () => {
  const doc = buildQualitativeDocument();

  it('gives back every source, code, coder, coding, memo, case and attribute, ids included', () => {
    const back = ok(importQdpx(exportQdpx(doc)));
    expect(back.qualitative).toEqual(doc.qualitative);
    expect(back.report.usedExtension).toBe(true);
    expect(back.report.warnings).toEqual([]);
  });

  it('merges back into its collaboration without changing anything', () => {
    const back = ok(importQdpx(exportQdpx(doc)));
    const { document, report } = mergeQualitative(doc, back.qualitative);
    expect(document).toEqual(doc);
    expect(Object.values(report.added).every((n) => n === 0)).toBe(true);
    expect(report.unchanged.codings).toBe(doc.qualitative.codings.length);
  });

  it('without the extension (another tool re-exported it) maps GUIDs back onto existing records', () => {
    const bare = withoutExtension(exportQdpx(doc));
    const guidsOnly = ok(importQdpx(bare, { collaborationId: 'collab-test' }));
    // Alone, records keep the GUIDs as ids and the text, spans and names the XML carries.
    expect(guidsOnly.qualitative.codes.map((c) => c.id)).toEqual(
      doc.qualitative.codes.map((c) => guidForId(c.id)),
    );
    expect(guidsOnly.qualitative.sources.map((s) => s.text)).toEqual(
      doc.qualitative.sources.map((s) => s.text),
    );
    expect(guidsOnly.qualitative.codings.map((c) => [c.start, c.end])).toEqual(
      doc.qualitative.codings.map((c) => [c.start, c.end]),
    );
    // Given the collaboration's records, every GUID maps back to its id and fields.
    const mapped = ok(
      importQdpx(bare, { collaborationId: 'collab-test', existing: doc.qualitative }),
    );
    expect(mapped.qualitative).toEqual(doc.qualitative);
  });

  it('adds an exported project to another collaboration, dropping member links it lacks', () => {
    const other = restoreOrThrow(
      buildDocument({
        collaboration: { ...buildDocument().collaboration, id: 'collab-other' },
        members: [],
      }),
    );
    const back = ok(importQdpx(exportQdpx(doc), { collaborationId: 'collab-other' }));
    expect(back.qualitative.memos.find((m) => m.id === 'memo-collab')?.target.id).toBe(
      'collab-other',
    );
    const merged = mergeQualitative(other, back.qualitative);
    expect(merged.report.warnings).toEqual([
      'Case "Adviser": member m-1 is not in this collaboration; the link was dropped.',
    ]);
    const restored = restoreOrThrow(merged.document);
    expect(restored.qualitative.memos.find((m) => m.id === 'memo-collab')?.target).toEqual({
      kind: 'collaboration',
      id: 'collab-other',
    });
  });
});

describe('Weframe → .qdc → Weframe', () => {
  const doc = buildQualitativeDocument();

  it('keeps names, descriptions, colours and nesting; with the existing codes, ids and elements too', () => {
    const alone = ok(importQdc(exportQdc(doc)));
    expect(alone.codes.map((c) => [c.name, c.description, c.color])).toEqual(
      doc.qualitative.codes.map((c) => [c.name, c.description, c.color]),
    );
    const byId = new Map(alone.codes.map((c) => [c.id, c]));
    expect(byId.get(alone.codes[2]?.parentId ?? '')?.name).toBe('Gap — nobody’s job');
    const mapped = ok(importQdc(exportQdc(doc), { existing: doc.qualitative.codes }));
    expect(mapped.codes).toEqual(doc.qualitative.codes);
  });
});
