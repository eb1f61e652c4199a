import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../document/restore.js';
import { ELEMENT_IDS } from '../model/elements.js';
import { diagnose, type Diagnosis } from './diagnose.js';
import type { IndicatorResult } from './types.js';

// The two fictional samples are built to show specific findings (examples/README.md).
// Each assertion names the indicator and the records that carry the finding.
const load = (name: string) =>
  diagnose(
    restoreOrThrow(
      readFileSync(new URL(`../../../../examples/${name}.json`, import.meta.url), 'utf8'),
    ),
  );
const loose = load('loose-network');
const charity = load('charity-team');

function indicator(d: Diagnosis, id: string): IndicatorResult {
  const found = d.elements.flatMap((e) => e.indicators).find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}
const evidenceIds = (i: IndicatorResult) => i.evidence.map((e) => e.id);
const element = (d: Diagnosis, id: string) => d.elements.find((e) => e.id === id);

describe('the loose team-around-the-child network', () => {
  it('is diagnosed on all twenty elements as of its latest record', () => {
    expect(loose.elements.map((e) => e.id)).toEqual([...ELEMENT_IDS]);
    expect(loose.asOf).toBe('2026-06-30');
    expect(loose.collaboration.fictional).toBe(true);
  });

  it('finds the goal clash with the school and the leaving-care team', () => {
    const conflicts = indicator(loose, 'process.teamReasoning.purposes.goalConflicts');
    expect(conflicts.status).toBe('concern');
    expect(evidenceIds(conflicts)).toEqual(
      expect.arrayContaining([
        'goal-school-behaviour',
        'goal-leaving-care-independence',
        'goal-joint-support-j',
      ]),
    );
    expect(loose.goalAlignment).toBeDefined();
  });

  it('finds that the adviser was not looped in about the offence', () => {
    const notTold = indicator(loose, 'process.teamReasoning.communication.notLoopedIn');
    expect(notTold.status).toBe('concern');
    expect(evidenceIds(notTold)).toEqual(['ev-offence-j', 'm-adviser']);
  });

  it('finds the fine-motor boundary dispute, on paper and in practice', () => {
    const overlaps = indicator(loose, 'local.roles.overlaps');
    expect(overlaps.status).toBe('watch');
    expect(overlaps.value).toEqual(['area-fine-motor']);
    expect(evidenceIds(overlaps)).toEqual(
      expect.arrayContaining(['area-fine-motor', 'claim-ot', 'claim-advisory-teacher']),
    );
    const practice = indicator(loose, 'process.teamReasoning.roles.overlapInPractice');
    expect(practice.status).toBe('watch');
    expect(evidenceIds(practice)).toEqual(
      expect.arrayContaining(['area-fine-motor', 'act-ot-session-1', 'act-at-fine-motor-1']),
    );
  });

  it('finds the psychologist’s misread role', () => {
    const misread = indicator(loose, 'local.roles.misperceptions');
    expect(misread.status).toBe('watch');
    expect(evidenceIds(misread).sort()).toEqual([
      'perc-advisory-teacher-sees-ep',
      'perc-head-of-year-sees-ep',
      'perc-paed-2-sees-ep',
    ]);
    const unilateral = indicator(loose, 'process.teamReasoning.decisions.unilateral');
    expect(unilateral.status).toBe('concern');
    expect(evidenceIds(unilateral)).toEqual(['dec-paediatrician-refers-for-iq-test', 'm-ep']);
  });

  it('finds the confidentiality clash at the policy level', () => {
    const clashes = indicator(loose, 'policy.interactions.clashes');
    expect(clashes.status).toBe('concern');
    expect(evidenceIds(clashes)).toEqual(
      expect.arrayContaining(['pi-confidentiality-vs-behaviour', 'pi-neet-targets-vs-joint-aim']),
    );
    const blocked = indicator(loose, 'process.teamReasoning.communication.sharingBlocked');
    expect(blocked.status).toBe('watch');
    expect(evidenceIds(blocked)).toEqual(['wh-connexions-home-situation']);
    // The withheld record is confidential to Connexions: its words never reach a finding.
    expect(blocked.finding).not.toMatch(/home situation/i);
  });

  it('finds weak continuity and no leadership', () => {
    const turnover = indicator(loose, 'process.continuity.turnover');
    expect(turnover.status).toBe('watch');
    expect(evidenceIds(turnover).sort()).toEqual(['m-lc-sw-1', 'm-paed-1']);
    expect(indicator(loose, 'local.leadership.lead').status).toBe('concern');
    expect(element(loose, 'local.leadership')?.status).toBe('concern');
  });

  it('finds the gap nobody owns, and cooperation at most between most pairs', () => {
    const gaps = indicator(loose, 'local.roles.gaps');
    expect(gaps.status).toBe('concern');
    expect(evidenceIds(gaps)).toEqual(['need-housing-stability']);
    expect(loose.frost.group.level).toBe('cooperation');
    expect(loose.frost.group.distribution.coordination).toBe(0);
    expect(loose.teamForm.label).toBe('loose network');
  });

  it('reports members’ disagreement about purposes as a finding, not a mean', () => {
    const agreement = indicator(loose, 'process.teamReasoning.purposes.agreement');
    expect(agreement.status).toBe('concern');
    expect(agreement.survey?.mean).toBeNull();
    expect(agreement.survey?.distribution).not.toBeNull();
  });
});

describe('the co-located charity team', () => {
  it('shows strong team reasoning with high agreement', () => {
    const scale = indicator(charity, 'personal.teamReasoning.scale');
    expect(scale.status).toBe('strength');
    expect(scale.survey?.respondents).toBeGreaterThanOrEqual(6);
    expect(scale.survey?.mean).toBeGreaterThanOrEqual(4);
    expect(scale.survey?.rwgJ).toBeGreaterThanOrEqual(0.7);
    expect(indicator(charity, 'personal.teamReasoning.jointGoalRecognition').value).toBe(1);
    expect(element(charity, 'personal.teamReasoning')?.confidence.level).toBe('high');
  });

  it('works at coordination level across the whole cycle', () => {
    const phases = indicator(charity, 'process.jointActivities.phaseCoverage');
    expect(phases.status).toBe('strength');
    expect(phases.value).toEqual(['planning', 'doing', 'reviewing']);
    expect(charity.frost.group.level).toBe('coordination');
    expect(charity.frost.group.distribution.none).toBe(0);
    expect(charity.teamForm.label).toBe('structured team');
  });

  it('is told apart from the loose network for the right reasons', () => {
    for (const id of [
      'process.teamReasoning.purposes',
      'process.teamReasoning.communication',
      'local.roles',
      'local.leadership',
      'process.teamReasoning.decisions',
    ] as const) {
      expect(element(loose, id)?.status, id).toBe('concern');
      expect(['ok', 'strength'], id).toContain(element(charity, id)?.status);
    }
    // A charity holds no statutory duty for the joint aim: an honest watch, not a defect.
    expect(evidenceIds(indicator(charity, 'policy.structures.statutoryBasis'))).toEqual([
      'ag-brightsteps',
    ]);
  });
});
