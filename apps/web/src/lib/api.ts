// Fetch helpers for the API: credentials always included, errors turned into ApiError with the API's message.
import { apiUrl } from './api-url';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The API's `details`: one line per problem (a package's files and what is wrong with each). */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: string[] };
}

/** A JSON body, or a file sent as it is with its media type (a package zip). */
type Body = { json: unknown } | { bytes: Blob; type: string };

function bodyOf(body: Body | undefined): { headers: Record<string, string>; body?: BodyInit } {
  if (body === undefined) return { headers: {} };
  if ('json' in body)
    return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body.json) };
  return { headers: { 'content-type': body.type }, body: body.bytes };
}

async function request<T>(method: string, path: string, body?: Body): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${apiUrl()}${path}`, { method, credentials: 'include', ...bodyOf(body) });
  } catch {
    throw new ApiError(0, 'UNREACHABLE', `The API at ${apiUrl()} is not reachable. Is it running?`);
  }
  if (response.status === 204) return undefined as T;
  const parsed = (await response.json().catch(() => ({}))) as T & ErrorBody;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      parsed.error?.code ?? 'HTTP_ERROR',
      parsed.error?.message ?? `The API answered ${response.status}.`,
      Array.isArray(parsed.error?.details) ? parsed.error.details : [],
    );
  }
  return parsed;
}

const json = (body: unknown): Body | undefined => (body === undefined ? undefined : { json: body });

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, json(body)),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, json(body)),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, json(body)),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** POSTs a file as the raw body, with its media type (a problem package zip). */
  upload: <T>(path: string, bytes: Blob, type: string) => request<T>('POST', path, { bytes, type }),
};
