import { forwardRef, useImperativeHandle, useMemo, useRef, type CSSProperties } from 'react';
import type { Coding } from '../../api/qualitative.js';
import { cpLength, textRuns, trimSelection } from './coding-text.js';

/** A passage chosen for coding, in code points. */
export interface Passage {
  readonly start: number;
  readonly end: number;
}

/** What the pane needs to draw a coding's code. */
export interface CodeLook {
  readonly name: string;
  readonly colour: string;
}

/** What the pane lets its owner do. */
export interface ReadingPaneHandle {
  /** Scrolls the passage starting at `start` into view. */
  reveal(start: number): void;
}

const SELECTION = '\u0000selection';

/** Skipped when positions are counted: chips and spoken descriptions are not source text. */
const SKIP = 'data-skip';

/**
 * The code point offset a DOM selection point stands for: the source text in the text nodes
 * before it (chips and screen-reader descriptions skipped), plus the part of its own node.
 */
export function pointOffset(root: Node, node: Node, offset: number): number {
  const point = document.createRange();
  point.setStart(node, offset);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (text) =>
      text.parentElement?.closest(`[${SKIP}]`)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let total = 0;
  for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
    if (text === node) return total + cpLength(text.data.slice(0, offset));
    // Wholly before the point: counted; the first text after it ends the walk.
    if (point.comparePoint(text, text.length) <= 0) total += cpLength(text.data);
    else break;
  }
  return total;
}

/**
 * The source text with its coded passages highlighted: each code's colour as a tint and an
 * underline (one line per code, so overlapping codes show as stacked lines), a label at the
 * start of each coded passage naming its code, and for screen readers the codes spoken
 * before the passage. Selecting text with the mouse (or the keyboard, with caret browsing)
 * reports the passage, in code points, trimmed of white space.
 */
export const ReadingPane = forwardRef<
  ReadingPaneHandle,
  {
    readonly text: string;
    readonly codings: readonly Coding[];
    readonly look: (codeId: string) => CodeLook;
    readonly selection: Passage | null;
    readonly showLabels: boolean;
    readonly onSelect: (passage: Passage) => void;
    readonly labelledBy: string;
  }
>(function ReadingPane({ text, codings, look, selection, showLabels, onSelect, labelledBy }, ref) {
  const pane = useRef<HTMLDivElement>(null);
  const chars = useMemo(() => Array.from(text), [text]);
  const byId = useMemo(() => new Map(codings.map((c) => [c.id, c])), [codings]);
  const runs = useMemo(
    () =>
      textRuns(text, [
        ...codings,
        ...(selection ? [{ id: SELECTION, start: selection.start, end: selection.end }] : []),
      ]),
    [text, codings, selection],
  );
  useImperativeHandle(ref, () => ({
    reveal(start: number) {
      pane.current
        ?.querySelector(`[data-start="${start}"]`)
        ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
  }));

  const capture = () => {
    const root = pane.current;
    const chosen = window.getSelection();
    if (!root || !chosen || chosen.rangeCount === 0 || chosen.isCollapsed) return;
    const range = chosen.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return;
    const passage = trimSelection(
      chars,
      pointOffset(root, range.startContainer, range.startOffset),
      pointOffset(root, range.endContainer, range.endOffset),
    );
    if (passage) onSelect(passage);
  };

  return (
    <div
      ref={pane}
      className={`ev-reading${showLabels ? '' : ' ev-reading--plain'}`}
      role="document"
      aria-labelledby={labelledBy}
      tabIndex={0}
      onMouseUp={capture}
      onKeyUp={capture}
      onTouchEnd={capture}
    >
      {runs.map((run) => {
        const selected = run.codingIds.includes(SELECTION);
        const ids = run.codingIds.filter((id) => id !== SELECTION);
        if (ids.length === 0)
          return (
            <span
              key={run.start}
              data-start={run.start}
              className={selected ? 'ev-selected' : undefined}
            >
              {run.text}
            </span>
          );
        const codes = [...new Set(ids.map((id) => byId.get(id)?.codeId ?? ''))].filter(
          (c) => c !== '',
        );
        const looks = codes.map((c) => look(c));
        const style: CSSProperties = {
          backgroundColor: `color-mix(in srgb, ${looks[0]?.colour ?? '#1f5a7a'} 16%, white)`,
          boxShadow: looks.map((l, i) => `inset 0 -${3 * (i + 1)}px 0 ${l.colour}`).join(', '),
          paddingBottom: `${Math.max(0, 3 * looks.length - 3)}px`,
        };
        const starting = [
          ...new Set(
            run.starting
              .filter((id) => id !== SELECTION)
              .map((id) => byId.get(id)?.codeId ?? '')
              .filter((c) => c !== ''),
          ),
        ];
        return (
          <mark
            key={run.start}
            data-start={run.start}
            data-codes={codes.join(' ')}
            className={`ev-mark${selected ? ' ev-selected' : ''}`}
            style={style}
            title={`Coded: ${looks.map((l) => l.name).join('; ')}`}
          >
            {starting.length > 0 &&
              showLabels &&
              starting.map((codeId) => {
                const l = look(codeId);
                return (
                  <span
                    key={codeId}
                    className="ev-chip"
                    data-skip=""
                    aria-hidden="true"
                    style={{ borderColor: l.colour }}
                  >
                    {l.name}
                  </span>
                );
              })}
            <span className="visually-hidden" data-skip="">
              {`[${starting.length > 0 ? 'coded' : 'still coded'}: ${looks.map((l) => l.name).join('; ')}] `}
            </span>
            {run.text}
          </mark>
        );
      })}
      {cpLength(text) === 0 && <span className="muted">This source holds no text.</span>}
    </div>
  );
});
