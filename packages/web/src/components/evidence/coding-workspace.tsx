import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import {
  createCode,
  createCoding,
  deleteCoding,
  fetchCodebook,
  fetchSource,
  sourceKindLabel,
  type Codebook,
  type CodebookCodeNode,
  type SourceDetail,
} from '../../api/qualitative.js';
import { useResource } from '../../hooks/use-resource.js';
import { markInteractive } from '../../interactive.js';
import { formatDate, plural } from '../../labels.js';
import { StatusMessage } from '../status-message.js';
import { CodeCount, CodeTree, Swatch } from './code-tree.js';
import { CodeSelect } from './code-select.js';
import {
  assignSlot,
  codeColour,
  flattenCodebook,
  parseSlots,
  pruneSlots,
  shortQuote,
  SLOT_COUNT,
  type ShortcutSlots,
} from './coding-text.js';
import { MemoList } from './memo-list.js';
import {
  ReadingPane,
  type CodeLook,
  type Passage,
  type ReadingPaneHandle,
} from './reading-pane.js';
import { SuggestionsPanel } from './suggestions-panel.js';
import { describedBy, FieldIssues, FormProblem, useAction } from './use-action.js';

const slotsKey = (collaborationId: string) => `weframe:evidence:keys:${collaborationId}`;

function loadSlots(collaborationId: string): ShortcutSlots {
  try {
    return parseSlots(localStorage.getItem(slotsKey(collaborationId)));
  } catch {
    return parseSlots(null);
  }
}

/** Whether a key press belongs to a field or a dialog (shortcuts then stay quiet). */
function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog[open]')) return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Adds a code while coding (and applies it to the selected passage when there is one). */
function QuickCode({
  collaborationId,
  codebook,
  passage,
  onAdded,
}: {
  readonly collaborationId: string;
  readonly codebook: Codebook;
  readonly passage: Passage | null;
  readonly onAdded: (codeId: string) => Promise<void>;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [parent, setParent] = useState('');
  const action = useAction();
  const nameIssues = action.issuesFor('name');
  return (
    <form
      className="ev-quick-code"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void action
          .run(async () => {
            const made = await createCode(collaborationId, {
              name,
              parentId: parent === '' ? null : parent,
            });
            await onAdded(made.id);
          })
          .then((ok) => {
            if (ok) setName('');
          });
      }}
    >
      <h3 id={`${id}-title`}>New code</h3>
      <FormProblem problem={action.problem} fields={['name']} />
      <div className="ev-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className="ev-input"
          value={name}
          maxLength={300}
          aria-invalid={nameIssues.length > 0 || undefined}
          aria-describedby={describedBy(`${id}-issues`, nameIssues)}
          onChange={(event) => setName(event.target.value)}
        />
        <FieldIssues id={`${id}-issues`} issues={nameIssues} />
      </div>
      <div className="ev-field">
        <label htmlFor={`${id}-parent`}>Under</label>
        <CodeSelect
          id={`${id}-parent`}
          groups={codebook.groups}
          value={parent}
          onChange={setParent}
          top="Top level (your own codes)"
        />
      </div>
      <button type="submit" className="button" aria-disabled={action.busy}>
        {passage ? 'Add and apply' : 'Add code'}
      </button>
    </form>
  );
}

/**
 * One source to code: its text with the coded passages highlighted, the code tree to apply
 * codes to a selected passage (and keys 1–9 for the codes used last), the passages coded in
 * it, suggestions and memos. Readers see the same without the controls that change anything.
 */
export function CodingWorkspace({
  collaborationId,
  sourceId,
  canWrite,
  revision,
  changed,
}: {
  readonly collaborationId: string;
  readonly sourceId: string;
  readonly canWrite: boolean;
  readonly revision: number;
  readonly changed: () => void;
}) {
  const id = useId();
  const data = useResource(
    async (signal) => {
      const [detail, codebook] = await Promise.all([
        fetchSource(collaborationId, sourceId, signal),
        fetchCodebook(collaborationId, signal),
      ]);
      return { detail, codebook };
    },
    [collaborationId, sourceId, revision],
  );
  const [passage, setPassage] = useState<Passage | null>(null);
  const [slots, setSlots] = useState<ShortcutSlots>(() => loadSlots(collaborationId));
  const [announcement, setAnnouncement] = useState('');
  const [query, setQuery] = useState('');
  const [showLabels, setShowLabels] = useState(true);
  const pane = useRef<ReadingPaneHandle>(null);
  const apply = useAction();

  useEffect(() => {
    if (data.kind !== 'loading') markInteractive();
  }, [data.kind]);
  useEffect(() => setPassage(null), [sourceId]);

  const detail: SourceDetail | null = data.kind === 'ready' ? data.data.detail : null;
  const codebook: Codebook | null = data.kind === 'ready' ? data.data.codebook : null;
  const flat = useMemo(() => (codebook ? flattenCodebook(codebook.groups) : []), [codebook]);
  const chars = useMemo(() => (detail ? Array.from(detail.source.text) : []), [detail]);
  const nodes = useMemo(() => new Map(flat.map((f) => [f.node.id, f.node])), [flat]);
  const byElement = useMemo(() => {
    const map = new Map<string, CodebookCodeNode>();
    for (const f of flat)
      if (f.node.elementId && !map.has(f.node.elementId)) map.set(f.node.elementId, f.node);
    return map;
  }, [flat]);
  const look = useCallback(
    (code: string): CodeLook => {
      const node = nodes.get(code) ?? byElement.get(code);
      return node
        ? { name: node.name, colour: codeColour(node) }
        : { name: code, colour: '#455a64' };
    },
    [nodes, byElement],
  );

  // Codes merged away or deleted leave their keys.
  useEffect(() => {
    if (flat.length === 0) return;
    setSlots((old) => pruneSlots(old, new Set(flat.map((f) => f.node.id))));
  }, [flat]);
  useEffect(() => {
    try {
      localStorage.setItem(slotsKey(collaborationId), JSON.stringify(slots));
    } catch {
      // Private browsing: the keys last for this visit only.
    }
  }, [collaborationId, slots]);

  const applyCode = useCallback(
    async (codeId: string) => {
      if (!passage) {
        setAnnouncement('Select a passage of the text first, then choose a code.');
        return;
      }
      const name = look(codeId).name;
      const quote = shortQuote(chars.slice(passage.start, passage.end).join(''), 60);
      const ok = await apply.run(() =>
        createCoding(collaborationId, { sourceId, codeId, start: passage.start, end: passage.end }),
      );
      if (!ok) return;
      setSlots((old) => assignSlot(old, codeId));
      setAnnouncement(`Coded “${quote}” as “${name}”.`);
      changed();
    },
    [apply, changed, chars, collaborationId, look, passage, sourceId],
  );

  // Keys 1–9 apply the codes on them; Escape clears the selected passage.
  useEffect(() => {
    if (!canWrite) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingTarget(event.target)) return;
      if (event.key === 'Escape' && passage) {
        setPassage(null);
        setAnnouncement('Selection cleared.');
        return;
      }
      if (!/^[1-9]$/.test(event.key)) return;
      const codeId = slots.codes[Number(event.key) - 1];
      if (!codeId) {
        setAnnouncement(`No code is on key ${event.key} yet: apply a code with the mouse first.`);
        return;
      }
      event.preventDefault();
      void applyCode(codeId);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [applyCode, canWrite, passage, slots]);

  const back = (
    <p>
      <Link href={`/c/${encodeURIComponent(collaborationId)}/evidence`}>
        <span aria-hidden="true">← </span>All sources and the codebook
      </Link>
    </p>
  );
  if (data.kind === 'loading')
    return (
      <>
        {back}
        <StatusMessage kind="loading">
          <p>Loading the source…</p>
        </StatusMessage>
      </>
    );
  if (data.kind === 'error' || !detail || !codebook)
    return (
      <>
        {back}
        <StatusMessage kind="error">
          <p className="status__title">This source could not be opened.</p>
          <p className="status__detail">{data.kind === 'error' ? data.error.message : ''}</p>
          <button type="button" className="button" onClick={data.reload}>
            Try again
          </button>
        </StatusMessage>
      </>
    );

  const { source, codings, memos, coders } = detail;
  const coderName = new Map(coders.map((c) => [c.id, c.you ? `${c.name} (you)` : c.name]));
  const sorted = [...codings].sort((a, b) => a.start - b.start || a.end - b.end);
  const turnOptions = source.turns.filter((t) => t.end > t.start);
  const selected = passage ? chars.slice(passage.start, passage.end).join('') : '';
  const date = source.date ? formatDate(source.date) : null;

  return (
    <div className="ev-source">
      {back}
      <h2 id={`${id}-title`}>{source.title}</h2>
      <p className="muted">
        {sourceKindLabel(source.kind)}
        {date ? `, ${date}` : ''}
        {source.speakers.length > 0 ? ` · speakers: ${source.speakers.join(', ')}` : ''} ·{' '}
        {plural(source.codings, 'coded passage', 'coded passages')}
      </p>
      {canWrite && (
        <section className="ev-howto" aria-labelledby={`${id}-howto`}>
          <h3 id={`${id}-howto`}>How to code</h3>
          <ol>
            <li>
              Select a passage of the text with the mouse — or, from the keyboard, choose a speaker
              turn in “Passage to code”.
            </li>
            <li>Choose a code in the list beside the text to apply it. You are the coder.</li>
            <li>
              Keyboard shortcuts: keys <kbd>1</kbd>–<kbd>9</kbd> apply the codes you used last
              (listed under “Your keys”); <kbd>Escape</kbd> clears the selected passage. They work
              whenever you are not typing in a field.
            </li>
          </ol>
        </section>
      )}
      <div className="ev-workspace">
        <div className="ev-workspace__text">
          <div className="ev-workspace__tools">
            {turnOptions.length > 0 && canWrite && (
              <div className="ev-field">
                <label htmlFor={`${id}-turn`}>Passage to code</label>
                <select
                  id={`${id}-turn`}
                  className="ev-input"
                  value=""
                  onChange={(event) => {
                    const turn = turnOptions[Number(event.target.value)];
                    if (!turn) return;
                    setPassage({ start: turn.start, end: turn.end });
                    pane.current?.reveal(turn.start);
                  }}
                >
                  <option value="">Choose a speaker turn…</option>
                  {turnOptions.map((t, i) => (
                    <option key={`${t.start}-${t.end}`} value={i}>
                      {t.speaker}: {shortQuote(chars.slice(t.start, t.end).join(''), 70)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="ev-check">
              <input
                id={`${id}-labels`}
                type="checkbox"
                checked={showLabels}
                onChange={(event) => setShowLabels(event.target.checked)}
              />
              <label htmlFor={`${id}-labels`}>Show code names in the text</label>
            </div>
          </div>
          <p className="visually-hidden" id={`${id}-text-label`}>
            Text of {source.title}
          </p>
          <ReadingPane
            ref={pane}
            text={source.text}
            codings={codings}
            look={look}
            selection={passage}
            showLabels={showLabels}
            onSelect={setPassage}
            labelledBy={`${id}-text-label`}
          />
        </div>
        <aside className="ev-workspace__panel" aria-labelledby={`${id}-panel`}>
          <h3 id={`${id}-panel`} className="visually-hidden">
            Coding
          </h3>

          {canWrite && (
            <div className="ev-passage" aria-live="polite">
              <h3>Selected passage</h3>
              {passage ? (
                <>
                  <blockquote className="ev-passage__quote">{shortQuote(selected, 240)}</blockquote>
                  <button
                    type="button"
                    className="button button--quiet ev-button--small"
                    onClick={() => setPassage(null)}
                  >
                    Clear selection
                  </button>
                </>
              ) : (
                <p className="muted">None yet: select some text.</p>
              )}
              {announcement && <p className="ev-done">{announcement}</p>}
              <FormProblem problem={apply.problem} />
            </div>
          )}
          {canWrite && (
            <section className="ev-keys" aria-labelledby={`${id}-keys`}>
              <h3 id={`${id}-keys`}>Your keys</h3>
              {slots.codes.length === 0 ? (
                <p className="muted">Codes you apply get keys 1–{SLOT_COUNT}.</p>
              ) : (
                <ol className="ev-keys__list">
                  {slots.codes.map((codeId, i) => {
                    const node = nodes.get(codeId);
                    if (!node) return null;
                    return (
                      <li key={codeId}>
                        <button
                          type="button"
                          className="ev-code-button"
                          onClick={() => void applyCode(codeId)}
                        >
                          <kbd>{i + 1}</kbd>
                          <Swatch code={node} />
                          <span className="ev-code-button__name">{node.name}</span>
                          <span className="visually-hidden"> (key {i + 1})</span>
                        </button>
                      </li>
                    );
                  })}
                </ol>
              )}
            </section>
          )}
          <section aria-labelledby={`${id}-codes`}>
            <h3 id={`${id}-codes`}>Codes</h3>
            <div className="ev-field">
              <label htmlFor={`${id}-find`}>Find a code</label>
              <input
                id={`${id}-find`}
                className="ev-input"
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            </div>
            <CodeTree
              label="Codes to apply"
              groups={codebook.groups}
              query={query}
              row={(node) =>
                canWrite ? (
                  <button
                    type="button"
                    className="ev-code-button"
                    title={node.description || undefined}
                    onClick={() => void applyCode(node.id)}
                  >
                    <Swatch code={node} />
                    <span className="ev-code-button__name">
                      <span className="visually-hidden">Apply </span>
                      {node.name}
                    </span>
                    <CodeCount node={node} />
                  </button>
                ) : (
                  <span className="ev-code-row">
                    <Swatch code={node} />
                    <span className="ev-code-button__name">{node.name}</span>
                    <CodeCount node={node} />
                  </span>
                )
              }
            />
          </section>
          {canWrite && (
            <QuickCode
              collaborationId={collaborationId}
              codebook={codebook}
              passage={passage}
              onAdded={async (codeId) => {
                if (passage) {
                  await createCoding(collaborationId, {
                    sourceId,
                    codeId,
                    start: passage.start,
                    end: passage.end,
                  });
                  setSlots((old) => assignSlot(old, codeId));
                }
                changed();
              }}
            />
          )}
        </aside>
      </div>

      <section className="ev-section" aria-labelledby={`${id}-passages`}>
        <h3 id={`${id}-passages`}>Coded passages in this source</h3>
        {sorted.length === 0 ? (
          <p className="muted">Nothing is coded here yet.</p>
        ) : (
          <ul className="ev-passages">
            {sorted.map((coding) => (
              <CodedPassage
                key={coding.id}
                collaborationId={collaborationId}
                coding={coding}
                quote={chars.slice(coding.start, coding.end).join('')}
                look={look(coding.codeId)}
                node={nodes.get(coding.codeId)}
                coder={coderName.get(coding.coderId) ?? coding.coderId}
                memos={memos}
                canWrite={canWrite}
                onReveal={() => {
                  setPassage({ start: coding.start, end: coding.end });
                  pane.current?.reveal(coding.start);
                }}
                onChanged={changed}
              />
            ))}
          </ul>
        )}
      </section>

      <section className="ev-section" aria-labelledby={`${id}-suggest`}>
        <h3 id={`${id}-suggest`}>Suggested codes</h3>
        <SuggestionsPanel
          collaborationId={collaborationId}
          sourceId={sourceId}
          canWrite={canWrite}
          look={look}
          onSelect={(p) => {
            setPassage(p);
            pane.current?.reveal(p.start);
          }}
          onChanged={changed}
        />
      </section>

      <section className="ev-section" aria-labelledby={`${id}-memos`}>
        <h3 id={`${id}-memos`}>Memos on this source</h3>
        <MemoList
          collaborationId={collaborationId}
          target={{ kind: 'source', id: sourceId }}
          memos={memos}
          canWrite={canWrite}
          onChanged={changed}
          label="New memo on this source"
        />
      </section>
    </div>
  );
}

/** One coded passage: its code, coder and words; reveal it in the text, remove it, memos on it. */
function CodedPassage({
  collaborationId,
  coding,
  quote,
  look,
  node,
  coder,
  memos,
  canWrite,
  onReveal,
  onChanged,
}: {
  readonly collaborationId: string;
  readonly coding: SourceDetail['codings'][number];
  readonly quote: string;
  readonly look: CodeLook;
  readonly node: CodebookCodeNode | undefined;
  readonly coder: string;
  readonly memos: SourceDetail['memos'];
  readonly canWrite: boolean;
  readonly onReveal: () => void;
  readonly onChanged: () => void;
}) {
  const action = useAction();
  const count = memos.filter((m) => m.target.kind === 'coding' && m.target.id === coding.id).length;
  return (
    <li className="ev-passage-item" style={{ borderLeftColor: look.colour }}>
      <p className="ev-passage-item__head">
        {node && <Swatch code={node} />} <strong>{look.name}</strong>{' '}
        <span className="muted">by {coder}</span>
      </p>
      <blockquote className="ev-passage-item__quote">{shortQuote(quote, 200)}</blockquote>
      {coding.memo && <p className="ev-passage-item__memo">Note: {coding.memo}</p>}
      <div className="ev-actions">
        <button type="button" className="button button--quiet ev-button--small" onClick={onReveal}>
          Show in the text
        </button>
        {canWrite && (
          <button
            type="button"
            className="button button--quiet ev-button--small"
            aria-disabled={action.busy}
            onClick={() =>
              void action
                .run(() => deleteCoding(collaborationId, coding.id, coding.version))
                .then((ok) => {
                  if (ok) onChanged();
                })
            }
          >
            Remove<span className="visually-hidden"> this coding of “{look.name}”</span>
          </button>
        )}
      </div>
      <FormProblem problem={action.problem} />
      <details className="ev-passage-item__memos">
        <summary>Memos ({count})</summary>
        <MemoList
          collaborationId={collaborationId}
          target={{ kind: 'coding', id: coding.id }}
          memos={memos}
          canWrite={canWrite}
          onChanged={onChanged}
          label="New memo on this passage"
        />
      </details>
    </li>
  );
}
