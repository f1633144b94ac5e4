// Boots the page: reads /config.json, restores or asks for the session, and wires the parts.
import { Api } from './api.js';
import { ChatPanel } from './chat.js';
import { TaskEditor } from './editor.js';
import { Reminders } from './notify.js';
import { Session } from './session.js';
import { LiveSync } from './sync.js';
import { TaskList } from './tasks.js';
import { browserZone } from './time.js';
import { Toasts } from './toasts.js';

const $ = (selector) => document.querySelector(selector);

class App {
  constructor(config) {
    this.session = new Session();
    this.api = new Api(config.api_base_url ?? '', () => this.session.token, () => this.reauthenticate());
    this.toasts = new Toasts($('#toasts'));
    const zone = () => this.session.user?.timezone ?? browserZone();
    this.zone = zone;
    this.signingUp = false;
    this.expiryTimer = null;

    this.list = new TaskList({
      api: this.api, zone, list: $('#tasks'), status: $('#list-status'), filters: $('#filters'),
      toasts: this.toasts, onEdit: (task) => this.editor.open(task),
    });
    this.list.onCompleted = (task) => this.afterCompletion(task);
    this.editor = new TaskEditor({
      api: this.api, zone, dialog: $('#editor'),
      onSaved: (task, created) => {
        this.list.upsert(task, { flash: true });
        this.toasts.show(`${created ? 'Created' : 'Saved'} “${task.title}”`);
        this.loadTags();
      },
    });
    this.chat = new ChatPanel({
      api: this.api, log: $('#chat-log'), form: $('#chat-form'),
      onTask: (task) => this.list.upsert(task, { flash: true }), onDeleted: (id) => this.list.remove(id),
      focusTask: (id) => this.focusTask(id),
    });
    this.sync = new LiveSync({
      url: webSocketURL(config.websocket_url), token: () => this.session.token, statusElement: $('#sync-status'),
      onTask: (task) => this.list.upsert(task, { flash: true }), onDeleted: (id) => this.list.remove(id),
      onNotification: (notification) => this.reminders.receive(notification),
      onRefetch: () => this.list.reload(), onUnauthorized: () => this.reauthenticate(),
    });
    this.reminders = new Reminders({
      api: this.api, zone, list: $('#notifications'), toasts: this.toasts,
      enableButton: $('#enable-browser-notifications'), isLive: () => this.sync.live,
    });
    this.wire();
  }

  wire() {
    $('#auth-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.authenticate();
    });
    $('#auth-switch').addEventListener('click', () => this.setAuthMode(!this.signingUp));
    $('#logout').addEventListener('click', () => this.logout());
    $('#new-task').addEventListener('click', () => this.editor.open());
    let searchTimer = null;
    // Typing in search waits for a pause; a changed select or date applies at once.
    $('#filters').addEventListener('input', (event) => {
      if (event.target.type !== 'search') return;
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => this.list.reload(), 250);
    });
    $('#filters').addEventListener('change', (event) => {
      if (event.target.type !== 'search') this.list.reload();
    });
    $('#filters').addEventListener('submit', (event) => event.preventDefault());
    document.addEventListener('keydown', (event) => {
      const typing = event.target.closest('input, textarea, select, [contenteditable]');
      if (typing || event.ctrlKey || event.metaKey || event.altKey || $('#app-view').hidden) return;
      if (event.key === 'n') {
        event.preventDefault();
        this.editor.open();
      } else if (event.key === '/') {
        event.preventDefault();
        $('#filter-q').focus();
      }
    });
    window.addEventListener('pagehide', () => this.list.flushDeletes());
  }

  /** With a stored session the list loads at once; `/api/me` refreshes the user alongside. */
  async start() {
    if (!this.session.token) return this.showAuth();
    this.showApp();
    try {
      const user = await this.api.get('/api/me');
      this.session.updateUser(user);
    } catch (error) {
      if (error.status !== 401) this.toasts.show(`The server could not be reached (${error.message}).`);
    }
  }

  setAuthMode(signingUp) {
    this.signingUp = signingUp;
    $('#auth-title').textContent = signingUp ? 'Sign up' : 'Log in';
    $('#auth-submit').textContent = signingUp ? 'Sign up' : 'Log in';
    $('#auth-switch').textContent = signingUp ? 'Have an account? Log in' : 'New here? Sign up';
    $('#auth-password').autocomplete = signingUp ? 'new-password' : 'current-password';
    $('#auth-error').textContent = '';
  }

  async authenticate() {
    const email = $('#auth-email').value.trim();
    const password = $('#auth-password').value;
    const error = $('#auth-error');
    error.textContent = '';
    if (!email || !password) {
      error.textContent = 'Enter your email and password.';
      return;
    }
    const previousUser = this.session.user?.id ?? this.lastUserID;
    const path = this.signingUp ? '/api/auth/signup' : '/api/auth/login';
    const body = this.signingUp ? { email, password, timezone: browserZone() } : { email, password };
    try {
      const session = await this.api.request('POST', path, { body, anonymous: true });
      this.session.save(session);
      $('#auth-password').value = '';
      if (this.resuming && previousUser === session.user.id) this.resume();
      else this.showApp();
    } catch (problem) {
      const fields = problem.details?.fields;
      error.textContent = Array.isArray(fields) ? fields.map((f) => `${f.field}: ${f.message}`).join(' ')
        : problem.message;
    }
  }

  showAuth(reason = '') {
    this.resuming = false;
    $('#app-view').hidden = true;
    $('#auth-view').hidden = false;
    $('#logout').hidden = true;
    $('#user-email').textContent = '';
    $('#auth-reason').textContent = reason;
    $('#auth-email').focus();
  }

  showApp() {
    this.resuming = false;
    const user = this.session.user;
    this.lastUserID = user.id;
    $('#auth-view').hidden = true;
    $('#app-view').hidden = false;
    $('#logout').hidden = false;
    $('#user-email').textContent = user.email;
    this.chat.reset();
    this.list.reload();
    this.loadTags();
    this.reminders.stop();
    this.reminders.start();
    this.sync.stop();
    this.sync.start();
    this.scheduleExpiry();
    $('#new-task').focus();
  }

  /** Back from a re-login as the same user: the screen is kept, the data refreshed. */
  resume() {
    this.resuming = false;
    $('#auth-view').hidden = true;
    $('#app-view').hidden = false;
    $('#logout').hidden = false;
    this.list.reload();
    this.sync.stop();
    this.sync.start();
    this.scheduleExpiry();
  }

  /** The token was refused or expired: ask for the password again, keeping the screen. */
  reauthenticate() {
    if (this.resuming) return;
    const email = this.session.user?.email ?? '';
    this.lastUserID = this.session.user?.id ?? this.lastUserID;
    this.session.clear();
    this.sync.stop();
    clearTimeout(this.expiryTimer);
    this.setAuthMode(false);
    this.showAuth('Your session has ended. Log in again to continue.');
    this.resuming = true;
    $('#auth-email').value = email;
    if (email) $('#auth-password').focus();
  }

  scheduleExpiry() {
    clearTimeout(this.expiryTimer);
    const remaining = this.session.remaining();
    if (Number.isFinite(remaining)) {
      this.expiryTimer = setTimeout(() => this.reauthenticate(), Math.max(0, Math.min(remaining, 2 ** 31 - 1)));
    }
  }

  logout() {
    this.list.flushDeletes();
    this.sync.stop();
    this.reminders.stop();
    clearTimeout(this.expiryTimer);
    this.session.clear();
    this.lastUserID = null;
    $('#tasks').replaceChildren();
    this.chat.reset();
    this.setAuthMode(false);
    this.showAuth('You are logged out.');
  }

  async loadTags() {
    try {
      const { tags } = await this.api.get('/api/tags');
      const select = $('#filter-tag');
      const current = select.value;
      const options = [new Option('Any', '')].concat(tags.map((tag) => new Option(tag.name, tag.name)));
      select.replaceChildren(...options);
      select.value = current;
    } catch {
      // The tag filter keeps its old options.
    }
  }

  /** Without live sync, the next occurrence of a repeating task is fetched after completion. */
  afterCompletion(task) {
    if (!task.recurrence || this.sync.live) return;
    for (const delay of [700, 2000, 5000]) setTimeout(() => this.list.refresh(), delay);
  }

  focusTask(id) {
    const item = document.querySelector(`#tasks li[data-id="${id}"]`);
    if (!item) return;
    item.scrollIntoView({ block: 'center' });
    item.querySelector('input')?.focus();
    item.classList.remove('flash');
    void item.offsetWidth;
    item.classList.add('flash');
  }
}

/** The sync endpoint: absolute as configured, or on the page's own origin (`/ws` by default). */
function webSocketURL(configured) {
  if (configured && !configured.startsWith('/')) return configured;
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${configured || '/ws'}`;
}

async function boot() {
  let config = {};
  try {
    const response = await fetch('/config.json');
    if (response.ok) config = await response.json();
  } catch {
    // Same-origin defaults: the API and /ws behind the same ingress.
  }
  const app = new App(config);
  await app.start();
}

boot();
