// The backend's HTTP API: JSON in and out, the bearer token on every call, errors as ApiError.

/** An error answer of the API, with its HTTP status and stable `code`. */
export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export class Api {
  /**
   * @param {string} base the backend's base URL ("" for the page's own origin)
   * @param {() => string|null} token the current access token
   * @param {(error: ApiError) => void} onUnauthorized called on every 401 of an authenticated call
   */
  constructor(base, token, onUnauthorized) {
    this.base = base;
    this.token = token;
    this.onUnauthorized = onUnauthorized;
  }

  async request(method, path, { body, ifMatch, anonymous = false } = {}) {
    const headers = { Accept: 'application/json' };
    const token = this.token();
    if (token && !anonymous) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
    let response;
    try {
      response = await fetch(this.base + path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ApiError(0, 'network_error', 'The server cannot be reached. Check your connection.');
    }
    const text = await response.text();
    const json = text ? safeParse(text) : null;
    if (!response.ok) {
      const error = json?.error ?? {};
      const failure = new ApiError(response.status, error.code ?? 'http_' + response.status,
        error.message ?? response.statusText, error.details);
      if (response.status === 401 && !anonymous) this.onUnauthorized(failure);
      throw failure;
    }
    return json;
  }

  get(path) { return this.request('GET', path); }
  post(path, body, options = {}) { return this.request('POST', path, { ...options, body }); }
  patch(path, body, options = {}) { return this.request('PATCH', path, { ...options, body }); }
  delete(path, options = {}) { return this.request('DELETE', path, options); }
}

function safeParse(text) {
  try { return JSON.parse(text); } catch { return null; }
}
