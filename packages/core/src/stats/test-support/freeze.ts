/** Deep-freezes test input so any mutation by the code under test throws (ESM is strict mode). */
export function frozen<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    for (const v of Object.values(x)) frozen(v);
    Object.freeze(x);
  }
  return x;
}
