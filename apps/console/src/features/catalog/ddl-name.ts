/** The table a CREATE TABLE statement names, or undefined when the text has none. */
export function ddlTableName(ddl: string): string | undefined {
  return /^\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_]*)/i.exec(ddl)?.[1]?.replace(/^`|`$/g, '').replace(/``/g, '`');
}

/** The DDL with its CREATE TABLE renamed; text without one comes back unchanged. */
export function renameDdlTable(ddl: string, name: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
  return ddl.replace(/^(\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?)(`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_]*)/i, (_whole, head: string) => `${head}${quoted}`);
}
