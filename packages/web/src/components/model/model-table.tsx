import type { ElementDiagnosis } from '@weframe/core';
import { Link } from 'wouter';
import { contextLabel, topIndicator } from './model-labels.js';
import { ConfidenceMark, StatusBadge } from './status-badge.js';

interface ModelTableProps {
  readonly elements: readonly ElementDiagnosis[];
  readonly elementHref: (elementId: string) => string;
  readonly caption: string;
}

/** The model picture as a table: one row per element, the same facts in words. */
export function ModelTable({ elements, elementHref, caption }: ModelTableProps) {
  return (
    <div className="diagnosis-table-scroll">
      <table className="diagnosis-table model-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Element</th>
            <th scope="col">Context</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Score
            </th>
            <th scope="col">Confidence</th>
            <th scope="col">Main finding</th>
          </tr>
        </thead>
        <tbody>
          {elements.map((element) => (
            <tr key={element.id} data-element={element.id}>
              <th scope="row">
                <Link href={elementHref(element.id)}>{element.name}</Link>
              </th>
              <td data-label="Context">{contextLabel(element.id, element.context)}</td>
              <td data-label="Status">
                <StatusBadge status={element.status} />
              </td>
              <td className="num" data-label="Score">
                {element.score === null ? <span className="muted">no score</span> : element.score}
              </td>
              <td data-label="Confidence">
                <ConfidenceMark level={element.confidence.level} />
              </td>
              <td data-label="Main finding">
                {topIndicator(element)?.finding ?? <span className="muted">none</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
