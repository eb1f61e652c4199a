import { Link } from 'wouter';
import type { Wave } from '../../api/surveys.js';
import { formatDate } from '../../labels.js';

/** A calendar day (YYYY-MM-DD) in words. */
export const dayText = (day: string | null): string =>
  day === null ? '—' : (formatDate(`${day}T12:00:00Z`) ?? day);

/** A wave's state in words (never colour alone). */
export function waveStatusText(wave: Wave): string {
  if (wave.status === 'closed') return 'Closed';
  if (wave.status === 'draft') return 'Not yet open';
  const today = new Date().toISOString().slice(0, 10);
  if (wave.opensOn > today) return `Opens ${dayText(wave.opensOn)}`;
  return 'Open';
}

export const modeText = (mode: Wave['mode']) => (mode === 'anonymous' ? 'Anonymous' : 'Identified');

/** The collaboration's waves as a table: name, kind, days, state and answers. */
export function WaveList({
  collaborationId,
  waves,
}: {
  collaborationId: string;
  waves: readonly Wave[];
}) {
  if (waves.length === 0)
    return <p className="muted">No survey waves yet. Open the first one below.</p>;
  return (
    <div className="survey-scroll">
      <table className="survey-table">
        <caption>Survey waves, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Wave</th>
            <th scope="col">Kind</th>
            <th scope="col">Opens</th>
            <th scope="col">Closes</th>
            <th scope="col">State</th>
            <th scope="col">Answers</th>
          </tr>
        </thead>
        <tbody>
          {waves.map((wave) => (
            <tr key={wave.id}>
              <th scope="row">
                <Link
                  href={`/c/${encodeURIComponent(collaborationId)}/surveys/${encodeURIComponent(wave.id)}`}
                >
                  {wave.name}
                </Link>
              </th>
              <td>{modeText(wave.mode)}</td>
              <td>{dayText(wave.opensOn)}</td>
              <td>{dayText(wave.closesOn)}</td>
              <td>
                <span className="badge">{waveStatusText(wave)}</span>
              </td>
              <td>
                {wave.counts.responses}
                {wave.counts.invited > 0
                  ? ` (${wave.counts.submitted} of ${wave.counts.invited} links used)`
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
