import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Schema } from './schema.js';

/**
 * A Drizzle handle on the store's schema, whichever the driver: the database itself or an
 * open transaction (a transaction is a database whose `transaction` opens a savepoint).
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
