import { DEFAULT_DATABASE_URL } from '../src/default-database-url';

/** The database the scripts work on: DATABASE_URL, or the local default. */
export const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
