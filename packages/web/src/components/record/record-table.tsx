import { useId, useMemo, useState } from 'react';
import type { EditableCollection, StoredRecord } from '../../api/records.js';
import { plural } from '../../labels.js';
import { displayValue } from './display.js';
import { COLLECTIONS, RECORD_FIELDS, type FieldTable } from './record-fields.js';
import type { RefOptions } from './ref-options.js';

const PAGE = 25;

interface RecordTableProps {
  readonly collection: EditableCollection;
  readonly records: readonly StoredRecord[];
  readonly refs: RefOptions;
  readonly canEdit: (record: StoredRecord) => boolean;
  readonly canDelete: (record: StoredRecord) => boolean;
  readonly onEdit: (record: StoredRecord) => void;
  readonly onDelete: (record: StoredRecord) => void;
  /** The record being deleted, whose buttons wait. */
  readonly deletingId: string | null;
  /** The record being opened for editing. */
  readonly openingId: string | null;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The records of one collection: a page of rows with their main fields and actions. */
export function RecordTable({
  collection,
  records,
  refs,
  canEdit,
  canDelete,
  onEdit,
  onDelete,
  deletingId,
  openingId,
}: RecordTableProps) {
  const info = COLLECTIONS[collection];
  const fields: FieldTable = RECORD_FIELDS[collection];
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const rows = useMemo(
    () =>
      records.map((record) => {
        const cells = info.columns.map((key) => {
          const spec = fields[key];
          return spec
            ? { key, label: spec.label, text: displayValue(spec, record[key], refs) }
            : { key, label: key, text: '' };
        });
        return { record, name: info.label(record, refs.nameOf) || record.id, cells };
      }),
    [records, info, fields, refs],
  );
  const needle = filter.trim().toLowerCase();
  const shown =
    needle === ''
      ? rows
      : rows.filter((row) =>
          [row.name, ...row.cells.map((c) => c.text)].some((t) => t.toLowerCase().includes(needle)),
        );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  const slice = shown.slice(current * PAGE, current * PAGE + PAGE);
  const anyActions = records.some((r) => canEdit(r) || canDelete(r));

  if (records.length === 0) return null;
  return (
    <div className="record-table">
      {records.length > 10 && (
        <div className="rec-field rec-field--inline record-table__filter">
          <label htmlFor={filterId}>Find in {info.many}</label>
          <input
            id={filterId}
            type="search"
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value);
              setPage(0);
            }}
          />
        </div>
      )}
      <div className="rec-table-wrap">
        <table className="rec-table">
          <caption>
            {info.title}: {plural(shown.length, 'record', 'records')}
            {needle !== '' ? ` found of ${records.length}` : ''}
            {pages > 1 ? `, page ${current + 1} of ${pages}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">{capital(info.one)}</th>
              {rows[0]?.cells.map((cell) => (
                <th scope="col" key={cell.key}>
                  {cell.label}
                </th>
              ))}
              {anyActions && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {slice.map(({ record, name, cells }) => (
              <tr key={record.id}>
                <th scope="row">
                  <span className="record-table__name">{name}</span>
                  {record.confidentialTo && (
                    <span className="badge rec-badge--confidential">
                      Confidential to {refs.nameOf('agencies', record.confidentialTo)}
                    </span>
                  )}
                </th>
                {cells.map((cell) => (
                  <td key={cell.key} data-label={cell.label}>
                    {cell.text}
                  </td>
                ))}
                {anyActions && (
                  <td className="record-table__actions" data-label="Actions">
                    {canEdit(record) && (
                      <button
                        type="button"
                        className="button button--quiet rec-button--small"
                        aria-disabled={openingId === record.id}
                        onClick={() => onEdit(record)}
                      >
                        {openingId === record.id ? 'Opening…' : 'Edit'}
                        <span className="visually-hidden"> {name}</span>
                      </button>
                    )}
                    {canDelete(record) && (
                      <button
                        type="button"
                        className="button rec-button--danger rec-button--small"
                        aria-disabled={deletingId === record.id}
                        onClick={() => onDelete(record)}
                      >
                        {deletingId === record.id ? 'Deleting…' : 'Delete'}
                        <span className="visually-hidden"> {name}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="rec-pager" aria-label={`Pages of ${info.many}`}>
          <button
            type="button"
            className="button button--quiet rec-button--small"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            Previous page
          </button>
          <span>
            Page {current + 1} of {pages}
          </span>
          <button
            type="button"
            className="button button--quiet rec-button--small"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next page
          </button>
        </nav>
      )}
      {shown.length === 0 && <p className="muted">Nothing matches “{filter}”.</p>}
    </div>
  );
}
