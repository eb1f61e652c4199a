import type { ChangeDirection, FrostLevel, Status } from '@weframe/core';
import type { ReactNode } from 'react';
import { StatusShape } from '../model/status-badge.js';
import { DIRECTION_SHOWN, FROST_SHOWN, STATUS_SHOWN } from './view-labels.js';

/** An element status as a coloured tag with the model picture's shape for it and its word. */
export function StatusTag({ status }: { status: Status }) {
  return (
    <span className={`view-tag view-tag--status view-tag--${status}`}>
      <StatusShape status={status} /> {STATUS_SHOWN[status].label}
    </span>
  );
}

/** A Frost level as a tag with its digit and word. */
export function FrostTag({ level }: { level: FrostLevel }) {
  const shown = FROST_SHOWN[level];
  return (
    <span className="view-tag view-tag--frost" style={{ background: shown.fill }}>
      <span aria-hidden="true">{shown.digit}</span> {shown.label}
    </span>
  );
}

/** A change between waves with its mark and word. */
export function DirectionTag({ direction }: { direction: ChangeDirection }) {
  const shown = DIRECTION_SHOWN[direction];
  return (
    <span className={`view-direction view-direction--${shown.tone}`}>
      <span aria-hidden="true">{shown.mark}</span> {shown.label}
    </span>
  );
}

/** A warning flag: a mark and words, never colour alone. */
export function Flag({ children, tone = 'warn' }: { children: ReactNode; tone?: 'warn' | 'info' }) {
  return (
    <span className={`view-flag view-flag--${tone}`}>
      <span aria-hidden="true">{tone === 'warn' ? '⚠' : '◆'}</span> {children}
    </span>
  );
}

/**
 * A wide picture or table that may scroll sideways inside its own box on a narrow screen (so
 * the page itself never does); keyboard users can focus it to scroll.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="view-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
