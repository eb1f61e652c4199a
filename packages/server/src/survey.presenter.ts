import type { SurveyLink } from '@weframe/store';
import {
  dyadicQuestions,
  INSTRUMENT,
  type ImportReport,
  type IssuedLink,
  type RespondentSurvey,
  type WaveSummary,
  type WaveView,
} from './survey.service.js';

/** Names every field of a wave that leaves the server. */
export function presentWave(view: WaveView) {
  const { wave, counts } = view;
  return {
    id: wave.id,
    collaborationId: view.collaborationId,
    name: wave.name,
    mode: wave.mode,
    opensOn: wave.opensOn,
    closesOn: wave.closesOn,
    status: wave.status,
    instrumentVersion: wave.instrumentVersion,
    version: view.version,
    counts: presentCounts(counts),
  };
}

function presentCounts(counts: WaveView['counts']) {
  return {
    invited: counts.invited,
    started: counts.started,
    submitted: counts.submitted,
    revoked: counts.revoked,
    responses: counts.responses,
  };
}

/** The public address of a survey link: under the public URL when known, else relative. */
export function surveyUrl(token: string, publicUrl: string | undefined): string {
  const base = publicUrl === undefined ? '' : publicUrl.replace(/\/+$/, '');
  return `${base}/s/${token}`;
}

/** A link as its issuer sees it once, with the token inside its URL. */
export function presentIssuedLink({ link, token }: IssuedLink, publicUrl: string | undefined) {
  return { ...presentLink(link), url: surveyUrl(token, publicUrl) };
}

/** A link without its token (which the server does not keep). */
export function presentLink(link: SurveyLink) {
  return {
    id: link.id,
    memberId: link.memberId,
    label: link.label,
    expiresAt: link.expiresAt?.toISOString() ?? null,
  };
}

/** Wave status: counts, and in identified waves who has not answered. Never any answer. */
export function presentStatus(status: {
  view: WaveView;
  notAnswered: { linkId: string; memberId: string; displayName: string; started: boolean }[] | null;
}) {
  return {
    waveId: status.view.wave.id,
    mode: status.view.wave.mode,
    counts: presentCounts(status.view.counts),
    ...(status.notAnswered === null
      ? {}
      : {
          notAnswered: status.notAnswered.map((n) => ({
            linkId: n.linkId,
            memberId: n.memberId,
            displayName: n.displayName,
            started: n.started,
          })),
        }),
  };
}

/** Per-scale team figures, each withheld below the minimum group. */
export function presentSummary(waveId: string, summary: WaveSummary) {
  return {
    waveId,
    respondents: summary.respondents,
    minimumRespondents: summary.minimumRespondents,
    suppressed: summary.suppressed,
    scales: summary.scales.map((s) => ({
      scale: s.scale,
      items: s.items,
      respondents: s.respondents,
      suppressed: s.suppressed,
      mean: s.mean,
      rwgJ: s.rwgJ,
      distribution: s.distribution,
    })),
  };
}

/** What a respondent's browser gets: notice first, then the questions offered, then the draft. */
export function presentRespondentSurvey(survey: RespondentSurvey) {
  const { wave, offer } = survey;
  const identified = wave.mode === 'identified';
  return {
    wave: {
      name: wave.name,
      mode: wave.mode,
      opensOn: wave.opensOn,
      closesOn: wave.closesOn,
      open: survey.open,
    },
    collaboration: { name: survey.collaborationName },
    privacyNotice: INSTRUMENT.privacyNotice[wave.mode],
    respondent: survey.respondent ? { displayName: survey.respondent.displayName } : null,
    instrument: {
      version: INSTRUMENT.version,
      answerScale: {
        points: INSTRUMENT.answerScale.points,
        labels: [...INSTRUMENT.answerScale.labels],
        dontKnow: INSTRUMENT.answerScale.dontKnow,
      },
      items: offer.items.map((i) => ({ id: i.id, wording: i.wording })),
      goalQuestion: {
        id: INSTRUMENT.goalQuestion.id,
        wording: INSTRUMENT.goalQuestion.wording,
        choiceWording: INSTRUMENT.goalQuestion.choiceWording,
        choices: offer.goalChoices.map((c) => ({
          choice: c.choice,
          goalId: c.goalId,
          label: c.label,
        })),
      },
      leadQuestion: {
        id: INSTRUMENT.leadQuestion.id,
        wording: INSTRUMENT.leadQuestion.wording,
        members: offer.leadCandidates.map((m) => ({ id: m.id, displayName: m.displayName })),
      },
      nameGenerator:
        identified && offer.colleagues
          ? {
              id: INSTRUMENT.nameGenerator.id,
              wording: INSTRUMENT.nameGenerator.wording,
              maxNames: INSTRUMENT.nameGenerator.maxNames,
              colleagues: offer.colleagues.map((c) => ({
                id: c.member.id,
                displayName: c.member.displayName,
                agencyName: c.agencyName,
              })),
              dyadicQuestions: dyadicQuestions(offer.areas ?? []),
            }
          : null,
      roleQuestion:
        identified && offer.areas
          ? {
              id: INSTRUMENT.roleQuestion.id,
              wording: INSTRUMENT.roleQuestion.wording,
              areas: offer.areas.map((a) => ({
                id: a.id,
                name: a.name,
                description: a.description,
              })),
            }
          : null,
    },
    draft: survey.draft as Record<string, unknown> | null,
  };
}

/** The outcome of a CSV import. */
export function presentImport(report: ImportReport) {
  return {
    imported: report.imported,
    rejected: report.rejected.map((r) => ({
      row: r.row,
      issues: r.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })),
    })),
    unmappedColumns: report.unmappedColumns,
  };
}
