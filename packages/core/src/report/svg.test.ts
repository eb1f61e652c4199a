import { describe, expect, it } from 'vitest';
import type { NetworkReport } from '../analysis/networks.js';
import type { RoleMap } from '../analysis/role-map.js';
import type { FrostReport, PairLevel } from '../analysis/frost.js';
import { ELEMENT_IDS } from '../model/elements.js';
import { networkMeasures } from '../network/index.js';
import type { NetworkTie } from '../network/types.js';
import { STATUS_STYLE } from './status.js';
import { frostMatrixSvg, heaviestTies, modelSvg, networkSvg, roleMatrixSvg } from './svg/index.js';
import { reportDiagnosis, XSS_NAME } from './test-support/diagnosis.js';
import { xmlProblems } from './test-support/xml.js';

const d = reportDiagnosis();

/** The markup of every element region of a model picture, by element id. */
function elementGroups(svg: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of svg.matchAll(/<g class="wf-element[^"]*" data-element="([^"]+)"[\s\S]*?<\/g>/g)) {
    out.set(m[1] ?? '', m[0]);
  }
  return out;
}

/** A network report of `n` members in agencies of `perAgency`, with the given undirected ties. */
function syntheticReport(
  n: number,
  perAgency: number,
  ties: [number, number, number][],
): NetworkReport {
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `m-${String(i).padStart(3, '0')}`,
    label: `Member ${i}`,
    group: `ag-${Math.floor(i / perAgency)}`,
    groupLabel: `Agency ${Math.floor(i / perAgency)}`,
  }));
  const directed: NetworkTie[] = ties.flatMap(([a, b, w]) => [
    { source: nodes[a]!.id, target: nodes[b]!.id, weight: w, sources: { communication: w } },
    { source: nodes[b]!.id, target: nodes[a]!.id, weight: w, sources: { communication: w } },
  ]);
  const measures = networkMeasures({
    nodes: nodes.map((x) => ({ id: x.id, group: x.group })),
    ties: directed,
  });
  return {
    level: 'interProfessional',
    nodes,
    ties: [],
    measures,
    conventions: [],
    contactsInWindow: directed.length,
  };
}

describe('xmlProblems (the check the pictures are held to)', () => {
  it('finds broken nesting, duplicate attributes, raw markup characters and stray roots', () => {
    expect(xmlProblems('<a><b/></a>')).toEqual([]);
    expect(xmlProblems('<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<a x="1" x="2"/>')).not.toEqual([]);
    expect(xmlProblems('<a>1 < 2</a>')).not.toEqual([]);
    expect(xmlProblems('<a>R&D</a>')).not.toEqual([]);
    expect(xmlProblems('<a t="<"/>')).not.toEqual([]);
    expect(xmlProblems('<a/><b/>')).not.toEqual([]);
  });
});

describe('modelSvg', () => {
  const svg = modelSvg(d);

  it('is well-formed, accessible SVG named by its title and description', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img"/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]?.split(' ') ?? [];
    expect(labelledBy).toHaveLength(2);
    for (const id of labelledBy) expect(svg).toContain(`id="${id}"`);
    expect(svg).toContain(
      '<title id="wf-model-title">Rose’s model for Team &lt;b&gt;“J”&lt;/b&gt; &amp; co</title>',
    );
  });

  it('draws each of the 20 elements once, with a title, its status in words and its colour', () => {
    const groups = elementGroups(svg);
    expect([...groups.keys()].sort()).toEqual([...ELEMENT_IDS].sort());
    for (const e of d.elements) {
      const g = groups.get(e.id) ?? '';
      expect(g, e.id).toContain('role="img"');
      expect(g, e.id).toMatch(/<title>[^<]+<\/title>/);
      expect(g, e.id).toContain(`data-status="${e.status}"`);
      expect(g, e.id).toContain(`>${STATUS_STYLE[e.status].word}</text>`);
      expect(g, e.id).toContain(`>${e.confidence.level}</text>`);
      expect(g, e.id).toContain(e.score === null ? '>no score<' : `>score ${e.score}<`);
      if (e.status !== 'insufficient')
        expect(g, e.id).toContain(`fill="${STATUS_STYLE[e.status].fill}"`);
    }
  });

  it('nests the contexts and lays the team-reasoning band across personal and process', () => {
    const rectOf = (label: string) => {
      const i = svg.indexOf(`>${label}</text>`);
      const before = svg.slice(0, i);
      const m = [
        ...before.matchAll(
          /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="10"/g,
        ),
      ].pop();
      const [x, y, w, h] = (m ?? []).slice(1).map(Number);
      return { x: x ?? 0, y: y ?? 0, w: w ?? 0, h: h ?? 0 };
    };
    const inside = (a: ReturnType<typeof rectOf>, b: ReturnType<typeof rectOf>) =>
      a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
    const policy = rectOf('Policy context');
    const local = rectOf('Local context');
    expect(policy.w).toBeGreaterThan(1000);
    const personal = rectOf('Personal context');
    const process = rectOf('Collaborative process');
    expect(inside(local, policy)).toBe(true);
    expect(inside(personal, local)).toBe(true);
    expect(inside(process, local)).toBe(true);
    expect(personal.x + personal.w).toBeLessThan(process.x);
    const bandLabel = svg.indexOf('>Team reasoning: the individual part');
    const band = [
      ...svg.slice(0, bandLabel).matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g),
    ].pop();
    const bandX = Number(band?.[1]);
    const bandRight = bandX + Number(band?.[2]);
    expect(bandX).toBeLessThan(personal.x + personal.w);
    expect(bandRight).toBeGreaterThan(process.x);
  });

  it('is the same every time and keeps ids apart with a prefix', () => {
    expect(modelSvg(d)).toBe(svg);
    const other = modelSvg(d, { idPrefix: 'a b"<', focusable: true });
    expect(other).toContain('id="a-b---title"');
    expect(other).toContain('url(#a-b---hatch)');
    expect(other).toContain('tabindex="0"');
  });

  it('makes each region a link named by its status when given addresses, escaping them', () => {
    const linked = modelSvg(d, { elementHref: (id) => `/c/x"y/elements/${id}?a=1&b=<2>` });
    expect(xmlProblems(linked)).toEqual([]);
    expect(linked).toMatch(/^<svg [^>]* role="group"/);
    expect(linked).not.toMatch(/^<svg [^>]* role="img"/);
    const links = [
      ...linked.matchAll(/<a class="wf-element-link" href="([^"]*)" aria-label="([^"]*)">/g),
    ];
    expect(links).toHaveLength(d.elements.length);
    for (const e of d.elements) {
      const link = links.find((m) => m[1]?.endsWith(`/elements/${e.id}?a=1&amp;b=&lt;2&gt;`));
      expect(link?.[1], e.id).toBe(`/c/x&quot;y/elements/${e.id}?a=1&amp;b=&lt;2&gt;`);
      const label = link?.[2] ?? '';
      expect(label, e.id).toContain(STATUS_STYLE[e.status].label.toLowerCase());
      expect(label, e.id).toContain(`confidence ${e.confidence.level}`);
      expect(label, e.id).toContain(e.score === null ? 'no score' : `score ${e.score} of 100`);
    }
    // Inside a link the region is no separate image, and needs no tabindex of its own.
    const groups = elementGroups(linked);
    for (const g of groups.values()) {
      expect(g).not.toContain('role="img"');
      expect(g).not.toContain('tabindex');
    }
    // Without addresses nothing changes.
    expect(modelSvg(d, {})).toBe(svg);
  });

  it('places an element a deployment added under "Other elements"', () => {
    const base = d.elements[0]!;
    const extra = {
      ...base,
      id: 'custom.thing' as typeof base.id,
      name: 'Custom <thing>',
      context: 'custom',
    };
    const svg2 = modelSvg({ ...d, elements: [...d.elements, extra] });
    expect(xmlProblems(svg2)).toEqual([]);
    expect(svg2).toContain('>Other elements</text>');
    expect(svg2).toContain('data-element="custom.thing"');
    expect(svg2).toContain('Custom &lt;thing&gt;');
  });
});

describe('networkSvg', () => {
  const report = d.networks.interProfessional;
  const svg = networkSvg(report);

  it('draws every member with its name escaped, key people and isolates by shape and in the legend', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain(XSS_NAME);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg.match(/class="wf-node /g)).toHaveLength(report.nodes.length);
    const { articulationPoints, isolates } = report.measures;
    expect(articulationPoints.length).toBeGreaterThan(0);
    expect(isolates).toEqual(['m-4']);
    for (const id of articulationPoints) {
      expect(svg).toMatch(
        new RegExp(`class="wf-node wf-node-key" data-node="${id}"><title>[^<]*key person`),
      );
    }
    expect(svg).toMatch(/class="wf-node wf-node-isolate" data-node="m-4"><title>[^<]*isolate/);
    expect(svg).toContain('Key person: the only link between parts of the network');
    expect(svg).toContain('Isolate: no ties in the window');
    expect(svg).toMatch(/1 isolate\./);
  });

  it('is deterministic and names agencies in the legend', () => {
    expect(networkSvg(report)).toBe(svg);
    expect(svg).toContain('Test Health Trust (2)');
    const agencies = networkSvg(d.networks.interAgency);
    expect(xmlProblems(agencies)).toEqual([]);
    expect(agencies).toContain('Key agency');
  });

  it('draws only the heaviest ties above the limit and says so', () => {
    const ties: [number, number, number][] = [];
    for (let a = 0; a < 90; a++)
      for (let b = a + 1; b < 90; b++) ties.push([a, b, ((a * 7 + b * 13) % 17) + 1]);
    const big = syntheticReport(90, 5, ties);
    const out = networkSvg(big, { maxTies: 500 });
    expect(xmlProblems(out)).toEqual([]);
    const drawn = out.match(/<path d="M[^"]+Q/g) ?? [];
    expect(drawn).toHaveLength(500);
    expect(out).toContain(
      `Only the 500 heaviest of ${ties.length.toLocaleString('en-GB')} ties are drawn.`,
    );
    // Above 60 nodes only key nodes and isolates are named.
    expect(out).not.toContain('>Member 3<');
    const { drawn: top } = heaviestTies(big.measures.weights, 500);
    expect(Math.min(...top.map((r) => r.weight))).toBeGreaterThanOrEqual(
      Math.max(...big.measures.weights.filter((r) => !top.includes(r)).map((r) => r.weight)),
    );
  });

  it('says when there is nothing to draw', () => {
    const empty = syntheticReport(0, 1, []);
    const out = networkSvg(empty);
    expect(xmlProblems(out)).toEqual([]);
    expect(out).toContain('No members to draw.');
  });
});

describe('roleMatrixSvg', () => {
  it('marks claims, the overlap column in words, and escapes names', () => {
    const svg = roleMatrixSvg(d.roleMap);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('Fine motor &lt;skills&gt;');
    expect(svg).not.toContain(XSS_NAME);
    expect(svg).toMatch(/>overlap<\/text>/);
    expect(svg).toMatch(/data-member="m-1" data-area="area-fine-motor"><title>[^<]*claims it/);
    expect(svg).toContain('claims the area');
  });

  it('outlines the agreed lead and hatches a gap', () => {
    const map: RoleMap = {
      areas: [
        {
          id: 'a1',
          name: 'Area 1',
          agreedLeadMemberId: 'x',
          claimedBy: ['x'],
          perceivedBy: [{ perceiverId: 'y', targetId: 'x' }],
          performedBy: ['x'],
          overlap: false,
          gap: false,
        },
        {
          id: 'a2',
          name: 'Area 2',
          agreedLeadMemberId: null,
          claimedBy: [],
          perceivedBy: [],
          performedBy: [],
          overlap: false,
          gap: true,
        },
      ],
      members: [
        {
          id: 'x',
          displayName: 'X',
          professionId: 'p',
          agencyId: 'g',
          claimed: ['a1'],
          perceivedAs: ['a1'],
          performed: ['a1'],
        },
        {
          id: 'y',
          displayName: 'Y',
          professionId: 'p',
          agencyId: 'g',
          claimed: [],
          perceivedAs: [],
          performed: [],
        },
      ],
      misperceptions: [],
      gaps: [],
      overlaps: [],
    };
    const svg = roleMatrixSvg(map);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toMatch(
      /data-member="x" data-area="a1"><title>X, Area 1: claims it; seen holding it by 1 colleague; took part in work on it in the window; agreed lead<\/title><rect[^>]*stroke-width="2.5"/,
    );
    expect(svg).toMatch(/>gap<\/text>/);
    expect(svg).toContain('url(#wf-roles-gap)');
  });

  it('says when there are no areas', () => {
    const svg = roleMatrixSvg({
      areas: [],
      members: [],
      misperceptions: [],
      gaps: [],
      overlaps: [],
    });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('No responsibility areas recorded.');
  });
});

describe('frostMatrixSvg', () => {
  it('draws one cell per member pair with its level digit, and the distribution', () => {
    const svg = frostMatrixSvg(d.frost, { memberNodes: d.networks.interProfessional.nodes });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.match(/class="wf-frost-cell"/g)).toHaveLength(d.frost.memberPairs.length);
    expect(svg).not.toContain(XSS_NAME);
    expect(svg).toContain('Member pairs by Frost level');
    expect(svg).toContain('Digits: 0 none yet, 1 cooperation, 2 collaboration, 3 coordination.');
  });

  it('falls back to agency pairs when there are too many members, and says so', () => {
    const pair = (a: string, b: string): PairLevel => ({
      ...d.frost.memberPairs[0]!,
      a,
      b,
      flags: ['conflict'],
    });
    const frost: FrostReport = {
      ...d.frost,
      memberPairs: [pair('a', 'b'), pair('a', 'c'), pair('b', 'c')],
      agencyPairs: [pair('g1', 'g2')],
    };
    const svg = frostMatrixSvg(frost, { maxNodes: 2 });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain(
      '3 members are too many to draw pair by pair: the matrix shows agency pairs.',
    );
    expect(svg.match(/class="wf-frost-cell"/g)).toHaveLength(1);
    expect(svg).toContain('data-a="g1" data-b="g2"');
    expect(svg).toMatch(/<polygon points="[^"]+" fill="#111111"\/><\/g>/);
  });
});
