/**
 * A map that keeps at most `capacity` entries, forgetting the least recently used first.
 * Reading an entry with {@link LruCache.get} makes it the most recently used.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`an LRU cache holds at least one entry, not ${capacity}`);
  }

  /** How many entries it holds now. */
  get size(): number {
    return this.#entries.size;
  }

  /** The entry under `key`, now the most recently used; undefined when there is none. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Stores an entry as the most recently used, forgetting the least recently used beyond capacity. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** Every entry, least recently used first, without changing the order. */
  entries(): IterableIterator<[K, V]> {
    return this.#entries.entries();
  }
}
