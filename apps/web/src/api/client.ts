/** A field the server refused, as in problem+json `errors[]`. */
export interface FieldError {
  path: string;
  message: string;
}

/** The problem+json body the server answers on errors. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}

/** A failed API call: HTTP status, machine code and the server's Spanish detail. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const BASE = '/api/v1';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: Promise<string> | null = null;

/** The CSRF token is fetched once and reused; the server also sets its twin cookie on that call. */
function getCsrfToken(refresh = false): Promise<string> {
  if (refresh || csrfToken === null) {
    csrfToken = send<{ token: string }>('GET', '/auth/csrf').then((body) => body.token);
    csrfToken.catch(() => {
      csrfToken = null;
    });
  }
  return csrfToken;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as Problem) : {};
  } catch {
    return {};
  }
}

async function send<T>(method: string, path: string, body?: unknown, csrf?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrf !== undefined) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR' });
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  if (!UNSAFE_METHODS.has(method)) return send<T>(method, path, body);
  try {
    return await send<T>(method, path, body, await getCsrfToken());
  } catch (error) {
    // The token expires with the session (login, logout, switching): fetch a fresh one and retry once.
    if (!isApiError(error, 'CSRF_INVALID')) throw error;
    return send<T>(method, path, body, await getCsrfToken(true));
  }
}

/** Typed calls to `/api/v1`: cookies travel, unsafe methods carry the CSRF header. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Builds `?a=1&b=2` from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** Upload progress: bytes sent of the request's total. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sendForm<T>(
  path: string,
  form: FormData,
  csrf: string,
  onProgress?: (progress: UploadProgress) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${BASE}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrf);
    if (onProgress) {
      const report = (event: ProgressEvent) => {
        if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
      };
      xhr.upload.onprogress = report;
      // A small body may be sent without any progress event: its end still counts.
      xhr.upload.onload = report;
    }
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        const problem = typeof body === 'object' && body !== null ? (body as Problem) : {};
        reject(new ApiError(xhr.status, problem));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'NETWORK_ERROR' }));
    xhr.onabort = () => reject(new ApiError(0, { code: 'ABORTED' }));
    xhr.send(form);
  });
}

/**
 * POST multipart/form-data to `/api/v1`: the plain fields, then each file in the `field` part (repeated).
 * Uses XMLHttpRequest, whose upload events report progress (fetch has none).
 */
export async function uploadFiles<T>(
  path: string,
  files: readonly File[],
  options: {
    field?: string;
    fields?: Record<string, string | undefined>;
    onProgress?: (progress: UploadProgress) => void;
  } = {},
): Promise<T> {
  const build = () => {
    const form = new FormData();
    // Plain fields first: the server reads the parts in order.
    for (const [name, value] of Object.entries(options.fields ?? {})) {
      if (value !== undefined && value !== '') form.append(name, value);
    }
    for (const file of files) form.append(options.field ?? 'files', file, file.name);
    return form;
  };
  try {
    return await sendForm<T>(path, build(), await getCsrfToken(), options.onProgress);
  } catch (error) {
    if (!isApiError(error, 'CSRF_INVALID')) throw error;
    return sendForm<T>(path, build(), await getCsrfToken(true), options.onProgress);
  }
}
