import type { CodebookGroupNode } from '../../api/qualitative.js';
import { flattenCodebook } from './coding-text.js';

/**
 * A choice of code from the whole codebook: one group of options per context of the model
 * (and one for the researcher's own codes), sub-codes indented under their parents.
 */
export function CodeSelect({
  id,
  groups,
  value,
  onChange,
  exclude,
  top,
  describedBy,
}: {
  readonly id: string;
  readonly groups: readonly CodebookGroupNode[];
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Codes not offered (the code itself and its sub-codes, when moving or merging). */
  readonly exclude?: ReadonlySet<string>;
  /** The label of a first option meaning "no code" (value ''), when one is offered. */
  readonly top?: string;
  readonly describedBy?: string | undefined;
}) {
  const flat = flattenCodebook(groups).filter((f) => !exclude?.has(f.node.id));
  const byGroup = new Map<string, typeof flat>();
  for (const f of flat) byGroup.set(f.groupName, [...(byGroup.get(f.groupName) ?? []), f]);
  return (
    <select
      id={id}
      className="ev-input"
      value={value}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    >
      {top !== undefined && <option value="">{top}</option>}
      {top === undefined && value === '' && <option value="">Choose a code</option>}
      {[...byGroup].map(([group, items]) => (
        <optgroup key={group} label={group}>
          {items.map((f) => (
            <option key={f.node.id} value={f.node.id}>
              {`${'\u2003'.repeat(f.depth)}${f.depth > 0 ? '↳ ' : ''}${f.node.name}`}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
