import { z } from 'zod';

/** How a function is called: a scalar per row, an aggregate over groups, a window (OVER) function or a table function. */
export const FunctionKind = z.enum(['scalar', 'aggregate', 'window', 'table']);
export type FunctionKind = z.infer<typeof FunctionKind>;

/** A function the engine runs, as the editor offers it. */
export const FunctionReference = z.object({
  name: z.string(),
  kind: FunctionKind,
  /** Flink's category (string, temporal, ...) or `user` for a workspace function. */
  category: z.string(),
  /** SQL call forms in Flink's notation, e.g. `SUBSTRING(string FROM integer1 [ FOR integer2 ])`. */
  signatures: z.array(z.string()),
  /** One sentence saying what it returns. */
  doc: z.string(),
});
export type FunctionReference = z.infer<typeof FunctionReference>;

/** One option a connector accepts inside `WITH (...)`. */
export const ConnectorOptionReference = z.object({
  key: z.string(),
  required: z.boolean(),
  /** The values the option accepts when they are a fixed set. */
  values: z.array(z.string()).optional(),
});
export type ConnectorOptionReference = z.infer<typeof ConnectorOptionReference>;

/** A connector the workers can run, with the roles it plays and its options. */
export const ConnectorReference = z.object({
  name: z.string(),
  roles: z.array(z.enum(['source', 'sink', 'lookup'])),
  options: z.array(ConnectorOptionReference),
  /** Option families such as `fields.#.kind`, `#` standing for a name the user picks. */
  optionPatterns: z.array(z.string()),
});
export type ConnectorReference = z.infer<typeof ConnectorReference>;

/** A `SET 'key' = 'value'` the engine reads. */
export const SessionOptionReference = z.object({
  key: z.string(),
  doc: z.string(),
  /** The values it accepts when they are a fixed set. */
  values: z.array(z.string()).optional(),
  /** An example value, shown as the default completion. */
  example: z.string(),
});
export type SessionOptionReference = z.infer<typeof SessionOptionReference>;

/** What the SQL editor knows beyond the grammar: `GET /api/v1/sql/reference`. */
export const SqlReference = z.object({
  functions: z.array(FunctionReference),
  connectors: z.array(ConnectorReference),
  sessionOptions: z.array(SessionOptionReference),
});
export type SqlReference = z.infer<typeof SqlReference>;
