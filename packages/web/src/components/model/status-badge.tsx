import { STATUS_STYLE, type Confidence, type Status } from '@weframe/core';

/**
 * The shape of a status, as the model picture draws it: a star for strength, a ring for ok, a
 * diamond for watch, a triangle for concern, a dashed square for insufficient evidence.
 */
export function StatusShape({ status }: { status: Status }) {
  const ink = '#111111';
  let shape;
  switch (status) {
    case 'strength': {
      const points: string[] = [];
      for (let k = 0; k < 10; k++) {
        const radius = k % 2 === 0 ? 6 : 2.7;
        const angle = -Math.PI / 2 + (k * Math.PI) / 5;
        points.push(
          `${(8 + radius * Math.cos(angle)).toFixed(2)},${(8 + radius * Math.sin(angle)).toFixed(2)}`,
        );
      }
      shape = <polygon points={points.join(' ')} fill={ink} />;
      break;
    }
    case 'ok':
      shape = <circle cx="8" cy="8" r="4.8" fill="none" stroke={ink} strokeWidth="2" />;
      break;
    case 'watch':
      shape = <polygon points="8,2 14,8 8,14 2,8" fill="none" stroke={ink} strokeWidth="2" />;
      break;
    case 'concern':
      shape = <polygon points="8,2 14,13.5 2,13.5" fill={ink} />;
      break;
    case 'insufficient':
      shape = (
        <rect
          x="3"
          y="3"
          width="10"
          height="10"
          fill="none"
          stroke={ink}
          strokeWidth="1.4"
          strokeDasharray="2 1.5"
        />
      );
      break;
  }
  return (
    <svg className="status-shape" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      {shape}
    </svg>
  );
}

/** A status as colour, shape and word together, so it reads without colour. */
export function StatusBadge({ status, label }: { status: Status; label?: string }) {
  const style = STATUS_STYLE[status];
  return (
    <span
      className="status-badge"
      data-status={status}
      style={{ background: style.fill, borderColor: style.stroke }}
    >
      <StatusShape status={status} />
      <span>{label ?? style.label}</span>
    </span>
  );
}

/** Confidence as three bars filled up to the level, and the level in words. */
export function ConfidenceMark({ level }: { level: Confidence['level'] }) {
  const filled = level === 'high' ? 3 : level === 'medium' ? 2 : 1;
  return (
    <span className="confidence-mark">
      <svg width="16" height="14" viewBox="0 0 16 14" aria-hidden="true">
        {[0, 1, 2].map((k) => (
          <rect
            key={k}
            x={1 + k * 5}
            y={13 - (5 + k * 4)}
            width="3.5"
            height={5 + k * 4}
            fill={k < filled ? '#111111' : 'none'}
            stroke="#111111"
            strokeWidth="0.9"
          />
        ))}
      </svg>
      <span>{level}</span>
    </span>
  );
}
