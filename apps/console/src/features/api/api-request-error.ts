import { ApiError, FieldIssue, SqlDiagnostic, StaleSaveDetails, type ErrorCode } from '@weir/contracts';

const FieldIssues = FieldIssue.array();
const SqlDiagnostics = SqlDiagnostic.array();

function detailsField(details: unknown, key: string): unknown {
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>)[key] : undefined;
}

/** A failed API call, carrying the stable `code` the console branches on. */
export class ApiRequestError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, body: ApiError) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }

  /** Field-level problems of a rejected request body (code VALIDATION_FAILED). */
  get fieldIssues(): FieldIssue[] {
    const parsed = FieldIssues.safeParse(detailsField(this.details, 'issues'));
    return parsed.success ? parsed.data : [];
  }

  /** SQL problems of a rejected deploy or save (code SQL_INVALID). */
  get diagnostics(): SqlDiagnostic[] {
    const parsed = SqlDiagnostics.safeParse(detailsField(this.details, 'diagnostics'));
    return parsed.success ? parsed.data : [];
  }

  /** Who saved the newer version a save was refused over (CONFLICT on a stale `baseVersion`); null for any other error. */
  get staleSave(): StaleSaveDetails | null {
    if (this.code !== 'CONFLICT') return null;
    const parsed = StaleSaveDetails.safeParse(this.details);
    return parsed.success ? parsed.data : null;
  }

  /** Builds the error from any non-2xx response, even one that is not an ApiError body. */
  static async fromResponse(response: Response): Promise<ApiRequestError> {
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // A proxy or crashed upstream can answer with HTML or nothing at all.
    }
    const parsed = ApiError.safeParse(json);
    if (parsed.success) return new ApiRequestError(response.status, parsed.data);
    const code: ErrorCode = response.status >= 500 ? 'UNAVAILABLE' : 'INTERNAL';
    const message = `${response.status} ${response.statusText || 'error'} from the API`;
    return new ApiRequestError(response.status, { message, code, details: text.slice(0, 500) });
  }
}
