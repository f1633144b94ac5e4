// Live sync over the WebSocket service: applies task changes and reminders as they happen,
// shows the connection state, and reconnects with the last position so nothing is missed.

const MAX_BACKOFF_MS = 15000;

export class LiveSync {
  /**
   * @param {object} options url (ws://…/ws), token(), statusElement, and the handlers
   *   onTask(task), onDeleted(id), onNotification(n), onRefetch()
   */
  constructor(options) {
    Object.assign(this, options);
    this.socket = null;
    this.position = null;
    this.attempts = 0;
    this.timer = null;
    this.stopped = true;
    this.heartbeat = null;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    this.socket?.close(1000, 'logged out');
    this.socket = null;
    this.position = null;
    this.show('offline', 'Live sync: off');
  }

  /** Whether messages are flowing (callers poll instead while not). */
  get live() { return this.socket?.readyState === WebSocket.OPEN && this.ready; }

  connect() {
    if (this.stopped || !this.url) return;
    const params = new URLSearchParams({ token: this.token() });
    if (this.position) params.set('since', this.position);
    this.ready = false;
    this.show('connecting', this.attempts ? 'Live sync: reconnecting…' : 'Live sync: connecting…');
    let socket;
    try {
      socket = new WebSocket(`${this.url}?${params}`);
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      clearInterval(this.heartbeat);
      this.ready = false;
      // 4002: the token expired, so only a new log-in helps; 4001 (refused) is retried slowly.
      if (event.code === 4002) {
        this.show('offline', 'Live sync: paused until you log in again');
        this.onUnauthorized?.();
        return;
      }
      if (event.code === 4001) this.attempts = Math.max(this.attempts, 5);
      this.retry();
    });
  }

  retry() {
    if (this.stopped) return;
    this.attempts += 1;
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(this.attempts, 5)) * (0.8 + Math.random() * 0.4);
    this.show('offline', `Live sync: offline, retrying in ${Math.round(delay / 1000)} s`);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  receive(data) {
    let message;
    try { message = JSON.parse(data); } catch { return; }
    if (message.position) this.position = message.position;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.attempts = 0;
        this.show('live', 'Live sync: on');
        clearInterval(this.heartbeat);
        this.heartbeat = setInterval(() => this.send({ type: 'ping' }),
          Math.max(5, (message.heartbeat_seconds ?? 30) - 5) * 1000);
        break;
      case 'refetch':
        this.onRefetch();
        break;
      case 'task.changed':
        if (message.task) this.onTask(message.task);
        break;
      case 'task.deleted':
        this.onDeleted(message.task_id);
        break;
      case 'notification':
        if (message.notification) this.onNotification(message.notification);
        break;
      default:
        break;
    }
  }

  /** Sends a fresh token so the connection outlives the old one's expiry. */
  renew(token) { this.send({ type: 'auth', token }); }

  send(message) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  show(state, text) {
    this.statusElement.dataset.state = state;
    this.statusElement.textContent = text;
  }
}
