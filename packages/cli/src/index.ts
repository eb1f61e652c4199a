/** The `weframe` command as a library, for tests and embedding. */
export { main, buildProgram } from './main.js';
export type { Io } from './context.js';
