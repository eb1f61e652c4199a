import { AGREE5, type IndicatorResult, type SurveyFigure } from '@weframe/core';
import type { SummaryIndicator } from '../../api/diagnosis.js';
import { useId } from 'react';
import { EvidenceList, type NameLookup } from './evidence-list.js';
import { StatusBadge } from './status-badge.js';

const LEVELS: Readonly<Record<IndicatorResult['level'], string>> = {
  individual: 'Each member',
  group: 'The group',
  agency: 'The agencies',
  policy: 'The policy context',
};

const number = (value: number | null, digits = 2) =>
  value === null ? null : Number.isInteger(value) ? String(value) : value.toFixed(digits);

/** A team figure from survey answers: never individual answers, only counts and agreement. */
function SurveyFigureTable({ figure, name }: { figure: SurveyFigure; name: string }) {
  const mean = number(figure.mean);
  const rwg = number(figure.rwgJ);
  const alpha = number(figure.cronbachAlpha);
  return (
    <div className="survey-figure">
      <table className="diagnosis-table diagnosis-table--compact">
        <caption>Survey figure behind &ldquo;{name}&rdquo;</caption>
        <tbody>
          <tr>
            <th scope="row">Respondents</th>
            <td>{figure.respondents}</td>
          </tr>
          <tr>
            <th scope="row">Team mean (1 to 5)</th>
            <td>{mean ?? <span className="muted">not shown (see the finding)</span>}</td>
          </tr>
          <tr>
            <th scope="row">
              Agreement, r<sub>wg(j)</sub> (0 to 1)
            </th>
            <td>{rwg ?? <span className="muted">not computable</span>}</td>
          </tr>
          <tr>
            <th scope="row">Consistency of the questions, Cronbach&rsquo;s &alpha;</th>
            <td>{alpha ?? <span className="muted">not computable</span>}</td>
          </tr>
        </tbody>
      </table>
      {figure.distribution && (
        <table className="diagnosis-table diagnosis-table--compact">
          <caption>How many respondents&rsquo; average answers were closest to each point</caption>
          <thead>
            <tr>
              <th scope="col">Answer</th>
              <th scope="col" className="num">
                Respondents
              </th>
            </tr>
          </thead>
          <tbody>
            {figure.distribution.map((count, i) => (
              <tr key={i}>
                <th scope="row">
                  {i + 1}: {AGREE5.labels[i] ?? ''}
                </th>
                <td className="num">{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One indicator: status, value, threshold, finding, survey figure, evidence and its basis. */
export function IndicatorCard({
  indicator,
  nameOf,
}: {
  indicator: SummaryIndicator;
  nameOf: NameLookup;
}) {
  const headingId = useId();
  return (
    <article className="card indicator-card" aria-labelledby={headingId}>
      <div className="indicator-card__head">
        <h3 id={headingId}>{indicator.name}</h3>
        <StatusBadge status={indicator.status} />
      </div>
      <p className="indicator-card__finding">{indicator.finding}</p>
      <dl className="facts indicator-card__facts">
        <div className="facts__item">
          <dt>Value</dt>
          <dd>{indicator.display}</dd>
        </div>
        <div className="facts__item">
          <dt>Threshold</dt>
          <dd>
            {indicator.threshold?.rule ??
              (indicator.kind === 'descriptive'
                ? 'None: this indicator describes, it does not judge'
                : 'None')}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Evidence counted</dt>
          <dd>
            {indicator.n} (a status needs at least {indicator.minimum})
          </dd>
        </div>
        <div className="facts__item">
          <dt>Looks at</dt>
          <dd>{LEVELS[indicator.level]}</dd>
        </div>
      </dl>
      {indicator.survey && <SurveyFigureTable figure={indicator.survey} name={indicator.name} />}
      <h4>Evidence</h4>
      <EvidenceList
        evidence={indicator.evidence}
        nameOf={nameOf}
        {...(indicator.evidenceTotal === undefined ? {} : { total: indicator.evidenceTotal })}
      />
      {indicator.basis.length > 0 && (
        <p className="indicator-card__basis muted">
          Based on: {indicator.basis.map((c) => `${c.authors} (${c.year})`).join('; ')}
        </p>
      )}
    </article>
  );
}
