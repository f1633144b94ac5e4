// Reminders: the list of delivered notifications, a toast for each new one, and a browser
// notification when the user allowed them. New ones arrive through live sync; while that is
// not connected the list is polled instead.

import { describeInstant } from './time.js';

const POLL_MS = 3000;

export class Reminders {
  constructor({ api, zone, list, toasts, enableButton, isLive }) {
    this.api = api;
    this.zone = zone;
    this.list = list;
    this.toasts = toasts;
    this.enableButton = enableButton;
    this.isLive = isLive;
    this.seen = new Set();
    this.timer = null;
    list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-read]');
      if (button) this.markRead(button.dataset.read, button.closest('li'));
    });
    enableButton.addEventListener('click', async () => {
      await Notification.requestPermission();
      this.updatePermission();
    });
  }

  updatePermission() {
    const supported = 'Notification' in window;
    this.enableButton.hidden = !supported || Notification.permission !== 'default';
  }

  /** Loads the recent notifications (none announced: they arrived before the page) and polls. */
  async start() {
    this.updatePermission();
    this.seen.clear();
    this.list.replaceChildren();
    await this.fetch(false);
    this.timer = setInterval(() => {
      if (!this.isLive()) this.fetch(true);
    }, POLL_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.list.replaceChildren();
  }

  async fetch(announce) {
    try {
      const page = await this.api.get('/api/notifications?limit=20');
      for (const notification of page.notifications.slice().reverse()) this.receive(notification, announce);
    } catch {
      // A missed poll is retried at the next one.
    }
  }

  /** Shows a notification once, however often it arrives (sync and poll may both bring it). */
  receive(notification, announce = true) {
    if (this.seen.has(notification.id)) return;
    this.seen.add(notification.id);
    const item = document.createElement('li');
    item.dataset.id = notification.id;
    item.className = notification.read ? 'read' : 'unread';
    const when = describeInstant(notification.fire_at, this.zone());
    item.append(`⏰ ${notification.title} — ${when}${notification.late ? ' (late)' : ''} `);
    if (!notification.read) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.read = notification.id;
      button.textContent = 'Mark read';
      button.setAttribute('aria-label', `Mark reminder “${notification.title}” read`);
      item.append(button);
    }
    this.list.prepend(item);
    if (!announce) return;
    this.toasts.show(`Reminder: ${notification.title}`, { duration: 10000 });
    if ('Notification' in window && Notification.permission === 'granted') {
      new Notification('Todo Chatbot', { body: notification.title, tag: notification.id });
    }
  }

  async markRead(id, item) {
    try {
      await this.api.post(`/api/notifications/${id}/read`, undefined);
      item.className = 'read';
      item.querySelector('button')?.remove();
    } catch (error) {
      this.toasts.show(`Could not mark it read: ${error.message}`);
    }
  }
}
