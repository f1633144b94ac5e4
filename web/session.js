// The signed-in session: the access token and the user.
//
// The token lives in sessionStorage, not localStorage or a cookie: it survives a reload but not
// closing the tab, is not shared with other tabs or sites, and is never sent automatically (so
// there is nothing for cross-site request forgery to ride on). Script on the page can read it,
// which is why the page allows scripts from its own origin only (Content-Security-Policy).
// There is no refresh token: when the token expires (or any call answers 401) the page asks for
// the password again and keeps what is on screen.

const KEY = 'todo-chatbot.session';

export class Session {
  constructor(storage = window.sessionStorage) {
    this.storage = storage;
    this.value = null;
    try { this.value = JSON.parse(storage.getItem(KEY) ?? 'null'); } catch { this.value = null; }
    if (this.value && this.expired()) this.clear();
  }

  get token() { return this.value?.access_token ?? null; }
  get user() { return this.value?.user ?? null; }

  /** Stores a Session answer of the API (`access_token`, `expires_at`, `user`). */
  save(session) {
    this.value = session;
    this.storage.setItem(KEY, JSON.stringify(session));
  }

  updateUser(user) {
    if (!this.value) return;
    this.save({ ...this.value, user });
  }

  clear() {
    this.value = null;
    this.storage.removeItem(KEY);
  }

  /** Milliseconds until the token expires (negative once it has). */
  remaining() {
    const at = Date.parse(this.value?.expires_at ?? '');
    return Number.isNaN(at) ? Infinity : at - Date.now();
  }

  expired() { return this.remaining() <= 0; }
}
