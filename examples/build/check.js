// Checks the sample documents: each restores as valid, every coded excerpt and speaker turn
// sits where its code-point offsets say, and, when the analysis engine is available, the
// diagnosis shows the findings each example is built for (examples/README.md).
// Run: node examples/build/check.js [module exporting diagnose]
// (default: @weframe/core; without a diagnose export only the structural checks run).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as core from '@weframe/core';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Planted findings: indicator id → expected status and record ids its evidence must name. */
export const EXPECTED = {
  'loose-network.json': {
    elements: {
      'policy.structures': 'watch',
      'policy.interactions': 'concern',
      'policy.regulation': 'watch',
      'policy.feedback': 'ok',
      'local.boundedness': 'concern',
      'local.roles': 'concern',
      'local.leadership': 'concern',
      'local.accountability': 'concern',
      'local.resourcing': 'concern',
      'local.knowledge': 'watch',
      'personal.professional': 'watch',
      'personal.individual': 'ok',
      'personal.teamReasoning': 'concern',
      'process.jointActivities': 'concern',
      'process.duration': 'watch',
      'process.continuity': 'watch',
      'process.teamReasoning.purposes': 'concern',
      'process.teamReasoning.communication': 'concern',
      'process.teamReasoning.decisions': 'concern',
      'process.teamReasoning.roles': 'watch',
    },
    indicators: {
      'policy.structures.statutoryBasis': ['watch', ['ag-connexions']],
      'policy.interactions.clashes': [
        'concern',
        ['pi-confidentiality-vs-behaviour', 'pi-neet-targets-vs-joint-aim'],
      ],
      'policy.regulation.constraints': ['watch', ['prof-personal-adviser']],
      'local.boundedness.risk': ['concern', []],
      'local.roles.overlaps': ['watch', ['area-fine-motor']],
      'local.roles.gaps': ['concern', ['need-housing-stability']],
      'local.roles.misperceptions': ['watch', []],
      'local.leadership.lead': ['concern', []],
      'local.accountability.lines': ['concern', ['m-paed-2']],
      'local.resourcing.dedicatedTime': ['concern', []],
      'local.knowledge.sharedConstructions': ['watch', []],
      'personal.professional.jointTraining': ['watch', []],
      'personal.teamReasoning.jointGoalRecognition': ['concern', []],
      'process.jointActivities.phaseCoverage': ['concern', []],
      'process.duration.age': ['watch', []],
      'process.continuity.turnover': ['watch', ['m-lc-sw-1', 'm-paed-1']],
      'process.continuity.keyPeople': ['watch', ['m-adviser']],
      'process.teamReasoning.purposes.goalConflicts': [
        'concern',
        ['goal-school-behaviour', 'goal-leaving-care-independence'],
      ],
      'process.teamReasoning.purposes.agreement': ['concern', []],
      'process.teamReasoning.communication.network': ['watch', []],
      'process.teamReasoning.communication.notLoopedIn': ['concern', ['ev-offence-j', 'm-adviser']],
      'process.teamReasoning.communication.asymmetricTies': ['watch', []],
      'process.teamReasoning.communication.sharingBlocked': [
        'watch',
        ['wh-connexions-home-situation'],
      ],
      'process.teamReasoning.decisions.unilateral': [
        'concern',
        ['dec-paediatrician-refers-for-iq-test'],
      ],
      'process.teamReasoning.roles.overlapInPractice': [
        'watch',
        ['area-fine-motor', 'area-handwriting'],
      ],
    },
  },
  'charity-team.json': {
    // Every element ok or better except policy.structures: the charity holds no statutory
    // duty towards the children, which is true of a charity and not a weakness of the team.
    elements: Object.fromEntries(
      core.ELEMENT_IDS.map((id) => [id, id === 'policy.structures' ? 'watch' : 'ok']),
    ),
    indicators: {
      'policy.structures.statutoryBasis': ['watch', ['ag-brightsteps']],
      'personal.teamReasoning.scale': ['strength', []],
      'process.jointActivities.phaseCoverage': ['strength', []],
      'local.roles.overlaps': ['ok', []],
      'process.teamReasoning.roles.overlapInPractice': ['ok', []],
      'process.teamReasoning.communication.notLoopedIn': ['ok', []],
      'process.continuity.tieRetention': ['ok', []],
      'local.leadership.lead': ['ok', []],
    },
  },
};

const problems = [];
const engineModule = process.argv[2]
  ? await import(pathToFileURL(path.resolve(process.argv[2])).href)
  : core;
const diagnose = engineModule.diagnose;

for (const [file, expected] of Object.entries(EXPECTED)) {
  const raw = JSON.parse(fs.readFileSync(path.join(here, '..', file), 'utf8'));
  const restored = core.restore(raw);
  if (!restored.ok) {
    problems.push(`${file}: invalid: ${core.formatIssues(restored.issues.slice(0, 10))}`);
    continue;
  }
  const doc = restored.value;
  if (!doc.collaboration.fictional) problems.push(`${file}: not marked fictional`);
  for (const source of doc.qualitative.sources) {
    const cps = [...source.text];
    for (const t of source.turns) {
      if (!cps.slice(t.start, t.end).join('').startsWith(`${t.speaker}:`))
        problems.push(`${file}: turn at ${t.start} does not start with "${t.speaker}:"`);
    }
    for (const c of doc.qualitative.codings.filter((k) => k.sourceId === source.id)) {
      const excerpt = cps.slice(c.start, c.end).join('');
      if (excerpt.trim() !== excerpt || excerpt.length < 10)
        problems.push(`${file}: ${c.id} spans "${excerpt}"`);
    }
  }
  if (typeof diagnose !== 'function') continue;
  const d = diagnose(doc);
  for (const [id, status] of Object.entries(expected.elements)) {
    const got = d.elements.find((e) => e.id === id)?.status;
    const fine = status === 'ok' ? got === 'ok' || got === 'strength' : got === status;
    if (!fine) problems.push(`${file}: element ${id} is ${got}, expected ${status}`);
  }
  const results = d.elements.flatMap((e) => e.indicators);
  for (const [id, [status, ids]] of Object.entries(expected.indicators)) {
    const r = results.find((x) => x.id === id);
    if (!r) {
      problems.push(`${file}: no indicator ${id}`);
      continue;
    }
    if (r.status !== status) problems.push(`${file}: ${id} is ${r.status}, expected ${status}`);
    const named = new Set(r.evidence.map((e) => e.id));
    for (const want of ids)
      if (!named.has(want)) problems.push(`${file}: ${id} evidence lacks ${want}`);
  }
}

if (typeof diagnose !== 'function') console.log('diagnose not available: structural checks only');
if (problems.length > 0) {
  console.log(problems.join('\n'));
  process.exitCode = 1;
} else {
  console.log('examples: all checks passed');
}
