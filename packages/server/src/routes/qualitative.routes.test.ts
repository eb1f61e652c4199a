/**
 * The qualitative evidence API against a real (PGlite) store: importing sources and projects,
 * the codebook and its merges and moves, coding by several researchers, memos, cases, the
 * analyses, suggestions, REFI-QDA export — and bad files refused with nothing written.
 */
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, WorkspaceRow } from '@weframe/store';
import { freshStore } from '../../../store/src/test-support/fresh-store.js';
import { buildRichDocument } from '../../../store/src/test-support/document.factory.js';
import {
  buildDocx,
  buildQdpx,
} from '../../../core/src/qualitative/test-support/qualitative.factory.js';
import { createApp, type App } from '../app.js';
import { MAX_SOURCE_UPLOAD_BODY } from './qualitative.routes.js';
import { actingAs, signedIn, type Client, type SignedIn } from '../test-support/signed-in.js';

type Json = Record<string, unknown>;
interface ErrorBody {
  error: string;
  message: string;
  issues?: { code: string; path: string; message: string }[];
}
interface CodeNode {
  kind: 'code' | 'group';
  id: string;
  name: string;
  elementId?: string | null;
  stored?: boolean;
  version?: number;
  codings?: number;
  total: number;
  children: CodeNode[];
}
interface CodingBody {
  id: string;
  codeId: string;
  coderId: string;
  start: number;
  end: number;
  version: number;
}

let store: Store;
let app: App;
let workspace: WorkspaceRow;
let owner: Client;
let ownerUser: SignedIn;
let researcher: Client;
let researcherUser: SignedIn;
let facilitator: Client;
let facilitatorUser: SignedIn;
let viewer: Client;
let collaborationId: string;
const errors: unknown[] = [];

const base = () => `/api/collaborations/${collaborationId}/qualitative`;

/** A short fictional interview with "Name:" turns. */
const INTERVIEW = [
  'Interview with a school nurse (fictional), Ashby, spring term',
  '',
  'Interviewer: How do you find out about a child the other services already know?',
  'Nurse: Mostly by chance. The social worker and I never sit in the same meeting, so I hear about a referral weeks later.',
  'Interviewer: Who decides what happens next?',
  'Nurse: Nobody, really. The head of year thinks it is my job, and I think it belongs to early help.',
  'We have no shared record, so each of us keeps our own notes.',
  'Interviewer: Thank you.',
].join('\r\n');

const cp = (text: string, part: string) => {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`"${part}" is not in the text`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...part].length };
};
const NORMALISED = INTERVIEW.replaceAll('\r\n', '\n');

function upload(
  user: SignedIn,
  path: string,
  file: { name: string; bytes: Uint8Array | string; type?: string },
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
  form.append(
    'file',
    new File([bytes as Uint8Array<ArrayBuffer>], file.name, {
      type: file.type ?? 'application/octet-stream',
    }),
  );
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return app.request(path, {
    method: 'POST',
    headers: { cookie: user.cookie, 'x-csrf-token': user.csrf },
    body: form,
  });
}

async function json<T = Json>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text.slice(0, 500)).toBe(status);
  return (text === '' ? null : JSON.parse(text)) as T;
}

async function version(): Promise<number> {
  return (await store.collaborations.get(collaborationId))?.version ?? -1;
}

async function auditActions(): Promise<string[]> {
  return (await store.audit.all(workspace.id)).map((e) => e.action);
}

/** Everything a bad upload must leave untouched: the version, every record, the audit log. */
async function snapshot() {
  return {
    version: await version(),
    records: (await store.records.list(collaborationId)).length,
    audit: (await store.audit.all(workspace.id)).length,
  };
}

const codesOf = (nodes: readonly CodeNode[]): CodeNode[] =>
  nodes.flatMap((n) => (n.kind === 'code' ? [n, ...codesOf(n.children)] : codesOf(n.children)));

async function codebook(client: Client = owner): Promise<CodeNode[]> {
  const body = await json<{ groups: CodeNode[] }>(await client.get(`${base()}/codes`), 200);
  return codesOf(body.groups);
}

let sourceId = '';

beforeAll(async () => {
  store = await freshStore();
  app = await createApp({ store, logError: (_m, e) => errors.push(e) });
  workspace = await store.workspaces.ensureDefault();
  ownerUser = await signedIn(store, { id: 'u-owner', workspaceId: workspace.id, role: 'owner' });
  owner = actingAs(app, ownerUser);
  researcherUser = await signedIn(store, {
    id: 'u-res',
    workspaceId: workspace.id,
    role: 'researcher',
  });
  researcher = actingAs(app, researcherUser);
  facilitatorUser = await signedIn(store, {
    id: 'u-fac',
    workspaceId: workspace.id,
    role: 'facilitator',
  });
  facilitator = actingAs(app, facilitatorUser);
  viewer = actingAs(
    app,
    await signedIn(store, { id: 'u-view', workspaceId: workspace.id, role: 'viewer' }),
  );
  const created = await owner.post('/api/collaborations', buildRichDocument());
  collaborationId = (await json<{ id: string }>(created, 201)).id;
});

afterAll(async () => {
  await store.close();
});

describe('importing a source', () => {
  it('turns a .txt interview into a source with speaker turns, and speakers into cases', async () => {
    const before = await version();
    const res = await upload(
      ownerUser,
      `${base()}/sources`,
      { name: 'School nurse.txt', bytes: INTERVIEW, type: 'text/plain' },
      { kind: 'interview', date: '2025-03-11' },
    );
    const body = await json<{ source: Json; newCases: { name: string }[] }>(res, 201);
    expect(body.source).toMatchObject({
      title: 'School nurse',
      kind: 'interview',
      date: '2025-03-11',
      format: 'text',
      turns: 5,
      speakers: ['Interviewer', 'Nurse'],
      codings: 0,
    });
    expect(body.newCases.map((c) => c.name).sort()).toEqual(['Interviewer', 'Nurse']);
    sourceId = String(body.source.id);
    expect(await version()).toBe(before + 1);
    expect(await auditActions()).toContain('qualitative.source.import');

    const one = await json<{ source: Json & { text: string; turns: Json[] } }>(
      await researcher.get(`${base()}/sources/${sourceId}`),
      200,
    );
    expect(one.source.text).toBe(NORMALISED);
    expect(one.source.turns[1]).toMatchObject({
      speaker: 'Nurse',
      start: cp(NORMALISED, 'Mostly by chance.').start,
    });

    const list = await json<{ sources: Json[]; hidden: number }>(
      await facilitator.get(`${base()}/sources`),
      200,
    );
    expect(list.sources.map((s) => s.id)).toContain(sourceId);
    expect(list.sources.every((s) => !('text' in s))).toBe(true);
    // The rich document's interview is confidential to an agency none of these users is in.
    expect(list.hidden).toBe(1);
  });

  it('takes a .docx, and refuses the same text twice with nothing written', async () => {
    const docx = buildDocx([
      '<w:r><w:t>Chair: We agreed the plan at the last meeting.</w:t></w:r>',
      '<w:r><w:t>Teacher: I was not told about it.</w:t></w:r>',
    ]);
    const made = await json<{ source: Json }>(
      await upload(
        ownerUser,
        `${base()}/sources`,
        { name: 'Case meeting.docx', bytes: docx },
        {
          kind: 'observation',
        },
      ),
      201,
    );
    expect(made.source).toMatchObject({ format: 'docx', kind: 'observation', turns: 2 });
    const before = await snapshot();
    const again = await upload(ownerUser, `${base()}/sources`, {
      name: 'School nurse.txt',
      bytes: INTERVIEW,
    });
    expect((await json<ErrorBody>(again, 409)).message).toContain('imported already');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses files that are not what they claim, naming the file field, with nothing written', async () => {
    const before = await snapshot();
    const cases: [string, Uint8Array | string, number, RegExp][] = [
      [
        'Notes.docx',
        'this is plain text, not a Word document',
        400,
        /not a Word document|not a zip/i,
      ],
      ['Notes.docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 400, /zip|damaged/i],
      ['Scan.pdf', '%PDF-1.4', 400, /\.txt, \.md or \.docx/],
      ['Latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 400, /UTF-8/],
      ['Empty.txt', '', 400, /empty/],
    ];
    for (const [name, bytes, status, message] of cases) {
      const res = await upload(ownerUser, `${base()}/sources`, { name, bytes });
      const body = await json<ErrorBody>(res, status);
      expect(body.message, name).toMatch(message);
      expect(body.issues?.[0]?.path, name).toBe('file');
    }
    const badDate = await upload(
      ownerUser,
      `${base()}/sources`,
      { name: 'x.txt', bytes: 'A: b' },
      { date: '2025-02-30' },
    );
    expect((await json<ErrorBody>(badDate, 400)).issues?.[0]?.path).toBe('date');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body over the route’s limit with 413', async () => {
    const res = await app.request(`${base()}/sources?filename=big.txt`, {
      method: 'POST',
      headers: {
        cookie: ownerUser.cookie,
        'x-csrf-token': ownerUser.csrf,
        'content-type': 'text/plain',
        'content-length': String(MAX_SOURCE_UPLOAD_BODY + 1),
      },
      body: 'x',
    });
    expect((await json<ErrorBody>(res, 413)).error).toBe('payload_too_large');
  });

  it('lets only researchers and owners add sources', async () => {
    const res = await upload(facilitatorUser, `${base()}/sources`, {
      name: 'x.txt',
      bytes: 'A: b',
    });
    expect((await json<ErrorBody>(res, 403)).error).toBe('forbidden');
    expect((await facilitator.post(`${base()}/codes`, { name: 'Mine' })).status).toBe(403);
    expect((await viewer.get(`${base()}/sources`)).status).toBe(403);
  });
});

describe('the codebook', () => {
  it('shows the model’s elements as the base codebook, placeholders included', async () => {
    const codes = await codebook(facilitator);
    const elements = codes.filter((c) => c.elementId);
    expect(elements).toHaveLength(20);
    expect(elements.find((c) => c.elementId === 'local.roles')).toMatchObject({
      id: 'code-roles',
      stored: true,
    });
    expect(elements.find((c) => c.elementId === 'policy.regulation')).toMatchObject({
      id: 'code-policy.regulation',
      stored: false,
    });
  });

  it('adds codes under an element not coded yet, renames them and refuses a clash', async () => {
    const made = await json<Json>(
      await researcher.post(`${base()}/codes`, {
        name: 'Professional codes in tension',
        parentId: 'code-policy.regulation',
        color: '#1F77B4',
        description: 'Where two codes of practice pull apart.',
      }),
      201,
    );
    expect(made).toMatchObject({
      parentId: 'code-policy.regulation',
      color: '#1f77b4',
      author: 'u-res',
    });
    const codes = await codebook();
    expect(codes.find((c) => c.id === 'code-policy.regulation')).toMatchObject({ stored: true });
    const clash = await researcher.post(`${base()}/codes`, {
      name: 'professional codes in tension',
      parentId: 'code-policy.regulation',
    });
    expect((await json<ErrorBody>(clash, 400)).issues?.[0]?.path).toBe('name');
    const renamed = await json<Json>(
      await researcher.patch(`${base()}/codes/${String(made.id)}`, {
        version: 1,
        name: 'Codes of practice in tension',
        color: null,
      }),
      200,
    );
    expect(renamed).toMatchObject({ version: 2, name: 'Codes of practice in tension' });
    expect(renamed.color).toBeUndefined();
    const stale = await researcher.patch(`${base()}/codes/${String(made.id)}`, {
      version: 1,
      name: 'Again',
    });
    expect(stale.status).toBe(409);
    const empty = await researcher.post(`${base()}/codes`, { name: '  ' });
    expect((await json<ErrorBody>(empty, 400)).issues?.[0]?.path).toBe('name');
  });
});

describe('coding, merging and moving', () => {
  let a = '';
  let b = '';

  it('codes passages as the signed-in user, and counts them in the tree', async () => {
    a = String(
      (
        await json<Json>(
          await owner.post(`${base()}/codes`, { name: 'Finding out by chance' }),
          201,
        )
      ).id,
    );
    b = String(
      (await json<Json>(await owner.post(`${base()}/codes`, { name: 'No shared record' }), 201)).id,
    );
    const chance = cp(NORMALISED, 'Mostly by chance.');
    const record = cp(NORMALISED, 'We have no shared record');
    const first = await json<CodingBody>(
      await owner.post(`${base()}/codings`, { sourceId, codeId: a, ...chance }),
      201,
    );
    expect(first.coderId).toBe('coder-u-owner');
    await json(await owner.post(`${base()}/codings`, { sourceId, codeId: b, ...record }), 201);
    await json(await owner.post(`${base()}/codings`, { sourceId, codeId: b, ...chance }), 201);
    // The same passage and code again: the coding already there, nothing added.
    const again = await json<CodingBody>(
      await owner.post(`${base()}/codings`, { sourceId, codeId: a, ...chance }),
      200,
    );
    expect(again.id).toBe(first.id);
    // A model element's placeholder is made real on first use.
    const element = await json<CodingBody>(
      await owner.post(`${base()}/codings`, {
        sourceId,
        codeId: 'code-process.teamReasoning.decisions',
        ...cp(NORMALISED, 'Nobody, really.'),
      }),
      201,
    );
    expect(element.codeId).toBe('code-process.teamReasoning.decisions');
    const codes = await codebook();
    expect(codes.find((c) => c.id === a)?.codings).toBe(1);
    expect(codes.find((c) => c.id === b)?.codings).toBe(2);
    expect(codes.find((c) => c.id === 'code-process.teamReasoning.decisions')).toMatchObject({
      stored: true,
      codings: 1,
    });

    const outside = await owner.post(`${base()}/codings`, {
      sourceId,
      codeId: a,
      start: 5,
      end: 99_999,
    });
    expect((await json<ErrorBody>(outside, 400)).issues?.[0]?.path).toBe('end');
    const emptySpan = await owner.post(`${base()}/codings`, {
      sourceId,
      codeId: a,
      start: 5,
      end: 5,
    });
    expect((await json<ErrorBody>(emptySpan, 400)).issues?.[0]?.path).toBe('end');
    expect(
      (await owner.post(`${base()}/codings`, { sourceId, codeId: 'code-none', start: 1, end: 4 }))
        .status,
    ).toBe(400);
    expect(
      (await owner.post(`${base()}/codings`, { sourceId: 'src-1', codeId: a, start: 1, end: 4 }))
        .status,
    ).toBe(404);
  });

  it('merges one code into another without losing a coding, and moves its memos there', async () => {
    const memo = await json<Json>(
      await owner.post(`${base()}/memos`, {
        target: { kind: 'code', id: a },
        text: 'Chance is the only channel.',
      }),
      201,
    );
    const before = await codebook();
    const total =
      (before.find((c) => c.id === a)?.codings ?? 0) +
      (before.find((c) => c.id === b)?.codings ?? 0);
    const v = await version();
    const report = await json<Json>(
      await researcher.post(`${base()}/codes/${a}/merge`, { into: b }),
      200,
    );
    // The passage both codes held folds into one coding of the target.
    expect(report).toMatchObject({ codingsMoved: 0, duplicatesFolded: 1, memosRetargeted: 1 });
    const after = await codebook();
    expect(after.find((c) => c.id === a)).toBeUndefined();
    expect(after.find((c) => c.id === b)?.codings).toBe(total - 1);
    expect(await version()).toBe(v + 1);
    const memos = await json<{ memos: Json[] }>(
      await owner.get(`${base()}/memos?targetKind=code&targetId=${b}`),
      200,
    );
    expect(memos.memos.map((m) => m.id)).toContain(memo.id);
    const source = await json<{ codings: CodingBody[] }>(
      await owner.get(`${base()}/sources/${sourceId}`),
      200,
    );
    const passages = source.codings
      .filter((c) => c.codeId === b)
      .map((c) => NORMALISED.slice(c.start, c.end));
    expect(passages.sort()).toEqual(['Mostly by chance.', 'We have no shared record'].sort());
    expect(await auditActions()).toContain('qualitative.code.merge');
  });

  it('merges codes of different coders side by side, keeping each coder’s codings', async () => {
    const x = String(
      (await json<Json>(await owner.post(`${base()}/codes`, { name: 'Waiting' }), 201)).id,
    );
    const y = String(
      (await json<Json>(await owner.post(`${base()}/codes`, { name: 'Delay' }), 201)).id,
    );
    const span = cp(NORMALISED, 'I hear about a referral weeks later');
    await json(await owner.post(`${base()}/codings`, { sourceId, codeId: x, ...span }), 201);
    await json(await researcher.post(`${base()}/codings`, { sourceId, codeId: y, ...span }), 201);
    await json(await researcher.post(`${base()}/codes/${x}/merge`, { into: y }), 200);
    const source = await json<{ codings: CodingBody[] }>(
      await owner.get(`${base()}/sources/${sourceId}`),
      200,
    );
    expect(
      source.codings
        .filter((c) => c.codeId === y)
        .map((c) => c.coderId)
        .sort(),
    ).toEqual(['coder-u-owner', 'coder-u-res']);
  });

  it('moves a code under another, and refuses to move it under its own sub-code', async () => {
    const parent = String(
      (await json<Json>(await owner.post(`${base()}/codes`, { name: 'Information' }), 201)).id,
    );
    const child = String(
      (
        await json<Json>(
          await owner.post(`${base()}/codes`, { name: 'Late news', parentId: parent }),
          201,
        )
      ).id,
    );
    const moved = await json<Json>(
      await owner.post(`${base()}/codes/${b}/move`, { parentId: child }),
      200,
    );
    expect(moved.parentId).toBe(child);
    const loop = await owner.post(`${base()}/codes/${parent}/move`, { parentId: b });
    const body = await json<ErrorBody>(loop, 400);
    expect(body.issues?.[0]).toMatchObject({ code: 'inconsistent', path: 'parentId' });
    const top = await json<Json>(
      await owner.post(`${base()}/codes/${b}/move`, { parentId: null }),
      200,
    );
    expect(top.parentId).toBeNull();
    // Under a model element's code: the sub-code then speaks about that element.
    const under = await json<Json>(
      await owner.post(`${base()}/codes/${b}/move`, { parentId: 'code-local.knowledge' }),
      200,
    );
    expect(under.parentId).toBe('code-local.knowledge');
  });

  it('refuses to delete a code others’ confidential codings use, and deletes one with its codings', async () => {
    const gap = (await codebook()).find((c) => c.id === 'code-gap') as CodeNode;
    const refused = await owner.delete(`${base()}/codes/code-gap?version=${gap.version}`);
    expect((await json<ErrorBody>(refused, 409)).message).toContain('may not see');
    const temp = String(
      (await json<Json>(await owner.post(`${base()}/codes`, { name: 'Temporary' }), 201)).id,
    );
    await json(
      await owner.post(`${base()}/codings`, { sourceId, codeId: temp, start: 0, end: 9 }),
      201,
    );
    const removed = await json<Json>(await owner.delete(`${base()}/codes/${temp}?version=1`), 200);
    expect(removed).toMatchObject({ codingsRemoved: 1 });
  });
});

let shared = '';

describe('agreement between two researchers', () => {
  it('compares the owner’s and the researcher’s codings per code and overall', async () => {
    shared = String(
      (await json<Json>(await owner.post(`${base()}/codes`, { name: 'Unclear ownership' }), 201))
        .id,
    );
    const span = cp(
      NORMALISED,
      'The head of year thinks it is my job, and I think it belongs to early help.',
    );
    await json(await owner.post(`${base()}/codings`, { sourceId, codeId: shared, ...span }), 201);
    await json(
      await researcher.post(`${base()}/codings`, {
        sourceId,
        codeId: shared,
        start: span.start,
        end: span.end - 20,
      }),
      201,
    );
    const body = await json<{
      coders: { id: string; codings: number }[];
      agreement: {
        coders: string[];
        sources: string[];
        codes: { codeId: string; measures: Record<string, { value: number | null }> }[];
        overall: Record<string, { value: number | null }>;
      };
    }>(
      await facilitator.get(
        `${base()}/agreement?coders=coder-u-owner,coder-u-res&measures=percent,kappa,fleiss,alpha,alpha-u`,
      ),
      200,
    );
    expect(body.agreement.coders).toEqual(['coder-u-owner', 'coder-u-res']);
    expect(body.agreement.sources).toEqual([sourceId]);
    const row = body.agreement.codes.find((c) => c.codeId === shared);
    expect(row?.measures.percent?.value).toBe(1);
    expect(Object.keys(body.agreement.overall).sort()).toEqual([
      'alpha',
      'alpha-u',
      'fleiss',
      'kappa',
      'percent',
    ]);
    expect(body.agreement.overall.percent?.value).toBeGreaterThan(0);
    expect(body.agreement.overall.percent?.value).toBeLessThanOrEqual(1);

    const three = await facilitator.get(
      `${base()}/agreement?coders=coder-u-owner,coder-u-res,coder-1&measures=kappa`,
    );
    expect((await json<ErrorBody>(three, 400)).issues?.[0]?.path).toBe('measures');
    const unknown = await facilitator.get(`${base()}/agreement?coders=coder-u-owner,nobody`);
    expect((await json<ErrorBody>(unknown, 400)).issues?.[0]?.path).toBe('coders');
  });
});

describe('the framework matrix and co-occurrence', () => {
  it('gives cases × codes as JSON, CSV and a spreadsheet', async () => {
    const matrix = await json<{
      cases: { id: string; name: string }[];
      codes: { id: string }[];
      cells: { count: number; excerpts: { text: string }[] }[][];
    }>(await facilitator.get(`${base()}/matrix`), 200);
    const nurse = matrix.cases.findIndex((c) => c.name === 'Nurse');
    expect(nurse).toBeGreaterThanOrEqual(0);
    const excerpts = (matrix.cells[nurse] ?? []).flatMap((cell) =>
      cell.excerpts.map((e) => e.text),
    );
    expect(excerpts).toContain('Mostly by chance.');
    // Nothing of the confidential interview leaks into the matrix.
    expect(JSON.stringify(matrix)).not.toContain('Interview with the OT');

    const csv = await facilitator.get(`${base()}/matrix?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toMatch(/^case id,case,/);
    expect(text).toContain('Mostly by chance.');

    const xlsx = await facilitator.get(`${base()}/matrix?format=xlsx`);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const parts = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    expect(Object.keys(parts)).toContain('xl/workbook.xml');

    const bad = await facilitator.get(`${base()}/matrix?codes=code-none`);
    expect((await json<ErrorBody>(bad, 400)).issues?.[0]?.path).toBe('codes');
  });

  it('lists overlapping codes', async () => {
    const whole = String(
      (await json<Json>(await owner.post(`${base()}/codes`, { name: 'Whole answer' }), 201)).id,
    );
    const answer = cp(NORMALISED, 'Nobody, really. The head of year thinks it is my job');
    await json(await owner.post(`${base()}/codings`, { sourceId, codeId: whole, ...answer }), 201);
    const body = await json<{ pairs: { codeIds: string[]; count: number }[] }>(
      await owner.get(`${base()}/cooccurrence?coder=coder-u-owner`),
      200,
    );
    const withWhole = body.pairs.filter((p) => p.codeIds.includes(whole));
    expect(withWhole.map((p) => p.codeIds.find((id) => id !== whole)).sort()).toEqual(
      ['code-process.teamReasoning.decisions', shared].sort(),
    );
  });
});

describe('suggestions', () => {
  it('suggests codes per speaker turn, and learns from accepted and rejected ones', async () => {
    const first = await json<{
      units: {
        start: number;
        end: number;
        speaker: string | null;
        suggestions: { code: string; score: number; terms: string[] }[];
      }[];
      learnedFrom: number;
    }>(await researcher.get(`${base()}/sources/${sourceId}/suggestions`), 200);
    expect(first.units.length).toBeGreaterThan(0);
    expect(first.units.every((u) => u.speaker === 'Nurse')).toBe(true);
    const unit = first.units.find((u) => u.suggestions.length > 0);
    if (!unit) throw new Error('no suggestion at all');
    const [top] = unit.suggestions;
    if (!top) throw new Error('no suggestion');
    const rejected = await json<Json>(
      await researcher.post(`${base()}/sources/${sourceId}/suggestions/reject`, {
        start: unit.start,
        end: unit.end,
        code: top.code,
      }),
      200,
    );
    expect(rejected).toEqual({ rejected: true });
    const again = await json<typeof first & { rejected: number }>(
      await researcher.get(`${base()}/sources/${sourceId}/suggestions`),
      200,
    );
    expect(again.rejected).toBe(1);
    const same = again.units.find((u) => u.start === unit.start && u.end === unit.end);
    expect(same?.suggestions.map((s) => s.code)).not.toContain(top.code);

    const second = same?.suggestions[0];
    if (!second) throw new Error('nothing left to accept');
    const accepted = await json<CodingBody>(
      await researcher.post(`${base()}/sources/${sourceId}/suggestions/accept`, {
        start: unit.start,
        end: unit.end,
        code: second.code,
      }),
      201,
    );
    expect(accepted).toMatchObject({ coderId: 'coder-u-res', start: unit.start, end: unit.end });
    const learned = await json<typeof first>(
      await researcher.get(`${base()}/sources/${sourceId}/suggestions`),
      200,
    );
    expect(learned.learnedFrom).toBeGreaterThan(first.learnedFrom);
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['qualitative.suggestion.reject', 'qualitative.suggestion.accept']),
    );
    const bad = await researcher.post(`${base()}/sources/${sourceId}/suggestions/reject`, {
      start: 0,
      end: 3,
      code: 'no-such-code',
    });
    expect((await json<ErrorBody>(bad, 400)).issues?.[0]?.path).toBe('code');
  });
});

describe('memos, cases and attributes', () => {
  it('keeps memos on sources and codings, and refuses a stale edit', async () => {
    const source = await json<{ codings: CodingBody[] }>(
      await owner.get(`${base()}/sources/${sourceId}`),
      200,
    );
    const coding = source.codings[0] as CodingBody;
    const onSource = await json<Json>(
      await owner.post(`${base()}/memos`, {
        target: { kind: 'source', id: sourceId },
        text: 'Recorded in the medical room.',
      }),
      201,
    );
    const onCoding = await json<Json>(
      await researcher.post(`${base()}/memos`, {
        target: { kind: 'coding', id: coding.id },
        text: 'Typical of the term.',
      }),
      201,
    );
    const read = await json<{ memos: Json[] }>(
      await owner.get(`${base()}/sources/${sourceId}`),
      200,
    );
    expect(read.memos.map((m) => m.id).sort()).toEqual([onSource.id, onCoding.id].sort());
    const edited = await json<Json>(
      await owner.patch(`${base()}/memos/${String(onSource.id)}`, {
        version: 1,
        text: 'Recorded in the medical room, door open.',
      }),
      200,
    );
    expect(edited.version).toBe(2);
    expect(
      (await owner.patch(`${base()}/memos/${String(onSource.id)}`, { version: 1, text: 'x' }))
        .status,
    ).toBe(409);
    expect((await owner.delete(`${base()}/memos/${String(onSource.id)}?version=2`)).status).toBe(
      204,
    );
    expect(
      (
        await owner.post(`${base()}/memos`, {
          target: { kind: 'source', id: 'src-1' },
          text: 'hidden',
        })
      ).status,
    ).toBe(404);
    // Removing a coding removes the memos on it.
    expect(
      (await owner.delete(`${base()}/codings/${coding.id}?version=${coding.version}`)).status,
    ).toBe(204);
    const memos = await json<{ memos: Json[] }>(
      await owner.get(`${base()}/memos?targetKind=coding`),
      200,
    );
    expect(memos.memos.map((m) => m.id)).not.toContain(onCoding.id);
  });

  it('keeps cases with typed attributes', async () => {
    await json(await owner.post(`${base()}/attributes`, { name: 'Service', type: 'text' }), 201);
    const made = await json<Json>(
      await owner.post(`${base()}/cases`, {
        name: 'Early help team',
        attributes: { Service: 'Early help', 'Years in post': 3 },
      }),
      201,
    );
    const wrong = await owner.patch(`${base()}/cases/${String(made.id)}`, {
      version: 1,
      attributes: { 'Years in post': 'three' },
    });
    const body = await json<ErrorBody>(wrong, 400);
    expect(body.issues?.[0]?.path).toBe('attributes.Years in post');
    const updated = await json<Json>(
      await owner.patch(`${base()}/cases/${String(made.id)}`, {
        version: 1,
        name: 'Early help',
        attributes: { Service: 'Early help', Joined: '2024-09-01' },
      }),
      200,
    );
    expect(updated).toMatchObject({ name: 'Early help', version: 2 });
    const list = await json<{ cases: Json[]; attributes: Json[] }>(
      await facilitator.get(`${base()}/cases`),
      200,
    );
    expect(list.attributes.map((a) => a.name)).toContain('Service');
    expect((await owner.delete(`${base()}/attributes/Service`)).status).toBe(204);
    const after = await json<{ cases: { id: string; attributes: Json }[] }>(
      await owner.get(`${base()}/cases`),
      200,
    );
    expect(after.cases.find((c) => c.id === made.id)?.attributes).toEqual({ Joined: '2024-09-01' });
    const nurse = after.cases.find(
      (c) => (c as unknown as { name: string }).name === 'Nurse',
    ) as unknown as { id: string; version: number };
    expect(
      (await owner.delete(`${base()}/cases/${nurse.id}?version=${nurse.version}`)).status,
    ).toBe(204);
    const src = await json<{ source: { turns: { speaker: string; caseId?: string }[] } }>(
      await owner.get(`${base()}/sources/${sourceId}`),
      200,
    );
    expect(
      src.source.turns.filter((t) => t.speaker === 'Nurse').every((t) => t.caseId === undefined),
    ).toBe(true);
  });
});

describe('REFI-QDA exchange', () => {
  let exported: Uint8Array;

  it('exports a .qdpx of what the user may see and a .qdc codebook', async () => {
    const res = await facilitator.get(`${base()}/export?format=qdpx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/\.qdpx"$/);
    exported = new Uint8Array(await res.arrayBuffer());
    const files = unzipSync(exported);
    const qde = new TextDecoder().decode(files['project.qde']);
    expect(qde).toContain('School nurse');
    // The confidential interview is left out: the user may not see it.
    expect(qde).not.toContain('Interview with the OT');
    const texts = Object.entries(files)
      .filter(([name]) => name.startsWith('sources/'))
      .map(([, bytes]) => new TextDecoder().decode(bytes));
    expect(texts).toContain(NORMALISED);
    expect(texts.some((t) => t.includes('OT'))).toBe(false);
    const qdc = await facilitator.get(`${base()}/export?format=qdc`);
    expect(await qdc.text()).toContain('<CodeBook');
  });

  it('imports its own export again without changing anything', async () => {
    const res = await upload(ownerUser, `${base()}/import`, {
      name: 'export.qdpx',
      bytes: exported,
    });
    const body = await json<{ added: Record<string, number>; updated: Record<string, number> }>(
      res,
      200,
    );
    expect(Object.values(body.added).every((n) => n === 0)).toBe(true);
    expect(Object.values(body.updated).every((n) => n === 0)).toBe(true);
  });

  it('refuses a file that is not a zip, has no project, declares entities or unpacks too far, with nothing written', async () => {
    const before = await snapshot();
    const declaredHuge = new Uint8Array(exported);
    patchDeclaredSize(declaredHuge, 300 * 1024 * 1024);
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['notes.qdpx', 'just some text', /zip/i],
      [
        'no-project.qdpx',
        zipSync({ 'readme.txt': new TextEncoder().encode('hi') }),
        /project\.qde/,
      ],
      [
        'entity.qdpx',
        buildQdpx(
          '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x "boom">]><Project name="x">&x;</Project>',
        ),
        /entit|DOCTYPE|document type/i,
      ],
      ['huge.qdpx', declaredHuge, /200(\.0)? MB/],
      ['notes.txt', 'A: b', /\.qdpx/],
    ];
    for (const [name, bytes, message] of cases) {
      const body = await json<ErrorBody>(
        await upload(ownerUser, `${base()}/import`, { name, bytes }),
        400,
      );
      expect(`${body.message} ${JSON.stringify(body.issues)}`, name).toMatch(message);
      expect(body.issues?.[0]?.path, name).toBe('file');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('the qualitative API', () => {
  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const methods = (path: string) =>
      Object.keys(doc.paths[`/api/collaborations/{id}/qualitative${path}`] ?? {}).sort();
    expect(methods('/sources')).toEqual(['get', 'post']);
    expect(methods('/codes/{codeId}/merge')).toEqual(['post']);
    expect(methods('/matrix')).toEqual(['get']);
  });

  it('refuses changes to an archived collaboration', async () => {
    expect((await owner.post(`/api/collaborations/${collaborationId}/archive`)).status).toBe(200);
    expect((await owner.post(`${base()}/codes`, { name: 'Too late' })).status).toBe(409);
    expect((await owner.post(`/api/collaborations/${collaborationId}/restore`)).status).toBe(200);
  });

  it('met no unexpected server error', () => {
    expect(errors).toEqual([]);
  });
});

/** Sets the declared uncompressed size of the first central-directory entry. */
function patchDeclaredSize(bytes: Uint8Array, size: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      // Walk back to the first central header.
      let first = i;
      for (let j = i - 1; j >= 0; j--) if (view.getUint32(j, true) === 0x02014b50) first = j;
      view.setUint32(first + 24, size, true);
      return;
    }
  }
  throw new Error('no central directory');
}
