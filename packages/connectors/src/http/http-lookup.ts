import { EngineError, fromJsonValue, type ConnectorTable, type LookupSource, type PlanField, type Row } from '@weir/engine';
import { callHttp } from './http-call';
import { fillUrl, urlText, type HttpSpec } from './http-options';

/**
 * Lookups by calling an endpoint: the URL template filled from the key (`{column}`), or the key
 * columns as query parameters when the template names none. The answer is a JSON object (one
 * row) or an array of them; 404 is no match.
 */
export class HttpLookupSource implements LookupSource {
  private readonly fields: PlanField[];
  private readonly lookupKeys: number[];

  constructor(
    private readonly spec: HttpSpec,
    table: ConnectorTable,
  ) {
    this.fields = table.fields;
    this.lookupKeys = table.lookupKeys ?? [];
  }

  async lookup(key: Row): Promise<Row[]> {
    const values: unknown[] = new Array(this.fields.length).fill(null);
    this.lookupKeys.forEach((column, i) => (values[column] = key[i]));
    let url = fillUrl(this.spec.url, this.fields, values);
    if (this.spec.keyColumns.length === 0) {
      const query = new URLSearchParams(this.lookupKeys.map((column, i): [string, string] => [this.fields[column].name, urlText(key[i], this.fields[column])]));
      url += (url.includes('?') ? '&' : '?') + query.toString();
    }
    let response: Response;
    try {
      response = await callHttp(url, { method: 'GET', headers: { accept: 'application/json', ...this.spec.headers }, timeoutMs: this.spec.timeoutMs }, this.spec.maxRetries, `looking up ${url}`);
    } catch (error) {
      if ((error as EngineError).details && ((error as EngineError).details as { status?: number }).status === 404) return [];
      throw error;
    }
    const json: unknown = await response.json().catch(() => {
      throw new EngineError(`looking up ${url}: the answer is not JSON`, { code: 'HTTP_FAILED', domain: 'external' });
    });
    const objects = Array.isArray(json) ? json : json === null ? [] : [json];
    return objects.map((o) => this.fields.map((f) => fromJsonValue((o as Record<string, unknown>)[f.name], f.type)));
  }
}
