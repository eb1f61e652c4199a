import { useId } from 'react';
import type { WaveListItem } from '../../api/diagnosis.js';
import { plural } from '../../labels.js';

interface WavePickerProps {
  readonly waves: readonly WaveListItem[];
  /** The wave the figures shown come from. */
  readonly current: string | null;
  readonly onChange: (waveId: string) => void;
  /** Keeps the label for screen readers only, where a visible heading already names the choice. */
  readonly hiddenLabel?: boolean;
}

/** Chooses the survey wave the figures come from; shown only when there is a choice. */
export function WavePicker({ waves, current, onChange, hiddenLabel }: WavePickerProps) {
  const id = useId();
  const hintId = useId();
  if (waves.length < 2) return null;
  const known = waves.some((w) => w.id === current);
  return (
    <div className="field field--inline wave-picker">
      <label htmlFor={id} className={hiddenLabel ? 'visually-hidden' : undefined}>
        Survey wave the figures come from
      </label>
      <select
        id={id}
        aria-describedby={hiddenLabel ? undefined : hintId}
        value={known ? (current ?? '') : ''}
        onChange={(event) => onChange(event.target.value)}
      >
        {!known && <option value="">Latest wave with answers</option>}
        {waves.map((wave) => (
          <option key={wave.id} value={wave.id}>
            {wave.name} — {plural(wave.counts.responses, 'response', 'responses')}
          </option>
        ))}
      </select>
      {!hiddenLabel && (
        <span id={hintId} className="wave-picker__hint">
          Team figures from fewer than three respondents are never shown.
        </span>
      )}
    </div>
  );
}
