// The task list: loading with the filters, rendering, and the actions on each task.
import { describeDue, nextDay, startOfDay, urgency } from './time.js';

const PAGE_SIZE = 200;
const UNDO_MS = 6000;

export class TaskList {
  constructor({ api, zone, list, status, filters, toasts, onEdit }) {
    this.api = api;
    this.zone = zone;
    this.list = list;
    this.status = status;
    this.filters = filters;
    this.toasts = toasts;
    this.onEdit = onEdit;
    this.tasks = new Map();
    this.pendingDeletes = new Map();
    this.generation = 0;
    list.addEventListener('click', (event) => this.handleClick(event));
    list.addEventListener('change', (event) => this.handleChange(event));
  }

  /** The query string for the current filters. */
  query() {
    const form = this.filters;
    const params = new URLSearchParams();
    const value = (name) => form.elements[name].value.trim();
    params.set('status', value('status'));
    params.set('sort', value('sort'));
    params.set('order', value('order'));
    if (value('q')) params.set('q', value('q'));
    if (value('priority')) params.set('priority', value('priority'));
    if (value('tag')) params.set('tag', value('tag'));
    if (value('due_after')) params.set('due_after', startOfDay(value('due_after'), this.zone()));
    if (value('due_before')) params.set('due_before', startOfDay(nextDay(value('due_before')), this.zone()));
    params.set('limit', String(PAGE_SIZE));
    return params;
  }

  /** Loads every page for the current filters, painting the first page as soon as it arrives. */
  async reload() {
    const generation = ++this.generation;
    this.status.textContent = 'Loading…';
    const params = this.query();
    let first = true;
    try {
      // The next page is asked for before this one is drawn, so drawing overlaps the request.
      let pending = this.api.get('/api/tasks?' + params);
      while (pending) {
        const page = await pending;
        if (generation !== this.generation) return;
        pending = null;
        if (page.next_cursor) {
          params.set('cursor', page.next_cursor);
          pending = this.api.get('/api/tasks?' + params);
        }
        if (first) this.tasks.clear();
        for (const task of page.tasks) this.tasks.set(task.id, task);
        this.render(page.tasks, first);
        first = false;
      }
      this.announce();
      // For the first-paint budget (Tests/browser): marked once the whole list has been painted.
      requestAnimationFrame(() => setTimeout(() => performance.mark('tasks-painted'), 0));
    } catch (error) {
      if (generation === this.generation) this.status.textContent = `Could not load tasks: ${error.message}`;
    }
  }

  /** Fetches the first page again and adds or updates what changed, without redrawing the rest. */
  async refresh() {
    try {
      const page = await this.api.get('/api/tasks?' + this.query());
      for (const task of page.tasks) {
        const known = this.tasks.get(task.id);
        if (!known || known.version !== task.version) this.upsert(task, { flash: true });
      }
    } catch {
      // The next refresh or reload catches up.
    }
  }

  announce() {
    const count = this.list.childElementCount;
    this.status.textContent = count === 0 ? 'No tasks match.' : `${count} task${count === 1 ? '' : 's'}`;
  }

  render(tasks, replace) {
    const fragment = document.createDocumentFragment();
    for (const task of tasks) {
      if (!this.pendingDeletes.has(task.id)) fragment.append(this.item(task));
    }
    if (replace) this.list.replaceChildren(fragment);
    else this.list.append(fragment);
  }

  item(task) {
    const li = document.createElement('li');
    li.className = 'task';
    li.dataset.id = task.id;
    const when = urgency(task, this.zone());
    if (task.completed) li.classList.add('done');
    if (when) li.classList.add(when);

    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = task.completed;
    box.className = 'complete';
    box.id = 'done-' + task.id;
    box.setAttribute('aria-label', `${task.completed ? 'Reopen' : 'Complete'} “${task.title}”`);

    const body = document.createElement('div');
    const title = document.createElement('label');
    title.className = 'title';
    title.htmlFor = box.id;
    title.textContent = task.title;
    const meta = document.createElement('div');
    meta.className = 'meta';
    const due = describeDue(task, this.zone());
    if (due) meta.append(span(`due ${when ? `${due} (${when})` : due}`, 'due ' + (when ?? '')));
    if (task.priority !== 'none') meta.append(span(task.priority, 'prio-' + task.priority));
    if (task.recurrence) meta.append(span('repeats', 'repeat', task.recurrence));
    if (task.reminders.length) meta.append(span(`${task.reminders.length} reminder(s)`, 'reminders'));
    for (const tag of task.tags) meta.append(span('#' + tag, 'tag'));
    body.append(title, meta);
    if (task.description) {
      const text = document.createElement('div');
      text.className = 'muted description';
      text.textContent = task.description;
      body.append(text);
    }

    const tools = document.createElement('div');
    tools.className = 'tools';
    tools.append(button('Edit', 'edit', task.title), button('Delete', 'delete', task.title));
    li.append(box, body, tools);
    return li;
  }

  /** Applies a task from elsewhere (an API answer, live sync, chat): replaces it, adds or hides it. */
  upsert(task, { flash = false } = {}) {
    const known = this.tasks.get(task.id);
    if (known && known.version > task.version) return;
    this.tasks.set(task.id, task);
    const existing = this.list.querySelector(`li[data-id="${task.id}"]`);
    if (!this.matches(task)) {
      existing?.remove();
      this.announce();
      return;
    }
    const item = this.item(task);
    if (flash) item.classList.add('flash');
    existing?.remove();
    this.insertSorted(item, task);
    this.announce();
  }

  /** Puts an item where the current sort would have listed it. */
  insertSorted(item, task) {
    const sort = this.filters.elements.sort.value;
    const descending = this.filters.elements.order.value === 'desc';
    const key = sortKey(task, sort);
    for (const other of this.list.children) {
      const otherTask = this.tasks.get(other.dataset.id);
      if (!otherTask) continue;
      const order = compareKeys(key, sortKey(otherTask, sort));
      if (descending ? order > 0 : order < 0) {
        other.before(item);
        return;
      }
    }
    this.list.append(item);
  }

  remove(id) {
    this.tasks.delete(id);
    this.list.querySelector(`li[data-id="${id}"]`)?.remove();
    this.announce();
  }

  /** Whether a task passes the filters that can be checked here (status, priority, tag). */
  matches(task) {
    const form = this.filters.elements;
    const status = form.status.value;
    if (status === 'pending' && task.completed) return false;
    if (status === 'completed' && !task.completed) return false;
    if (form.priority.value && task.priority !== form.priority.value) return false;
    const tag = form.tag.value.toLowerCase();
    if (tag && !task.tags.some((t) => t.toLowerCase() === tag)) return false;
    const q = form.q.value.trim().toLowerCase();
    if (q && !`${task.title} ${task.description ?? ''}`.toLowerCase().includes(q)) return false;
    return true;
  }

  async handleChange(event) {
    if (!event.target.matches('input.complete')) return;
    const id = event.target.closest('li').dataset.id;
    const task = this.tasks.get(id);
    const action = event.target.checked ? 'complete' : 'reopen';
    try {
      const updated = await this.api.post(`/api/tasks/${id}/${action}`, undefined);
      this.upsert(updated);
      if (action === 'complete') this.onCompleted?.(updated);
      this.toasts.show(`${action === 'complete' ? 'Completed' : 'Reopened'} “${task.title}”`);
    } catch (error) {
      event.target.checked = !event.target.checked;
      this.toasts.show(`Could not ${action} the task: ${error.message}`);
    }
  }

  handleClick(event) {
    const target = event.target.closest('button[data-action]');
    if (!target) return;
    const id = target.closest('li').dataset.id;
    if (target.dataset.action === 'edit') this.onEdit(this.tasks.get(id));
    if (target.dataset.action === 'delete') this.deleteWithUndo(id);
  }

  /** Hides the task at once and deletes it after a few seconds unless the user undoes it. */
  deleteWithUndo(id) {
    const task = this.tasks.get(id);
    const item = this.list.querySelector(`li[data-id="${id}"]`);
    const next = item?.nextElementSibling;
    item?.remove();
    this.announce();
    const timer = setTimeout(async () => {
      this.pendingDeletes.delete(id);
      try {
        await this.api.delete(`/api/tasks/${id}`);
        this.tasks.delete(id);
      } catch (error) {
        if (error.status !== 404) {
          this.upsert(task);
          this.toasts.show(`Could not delete “${task.title}”: ${error.message}`);
        }
      }
    }, UNDO_MS);
    this.pendingDeletes.set(id, timer);
    this.toasts.show(`Deleted “${task.title}”`, {
      action: 'Undo', duration: UNDO_MS,
      onAction: () => {
        clearTimeout(timer);
        this.pendingDeletes.delete(id);
        if (item) {
          if (next?.isConnected) next.before(item); else this.list.append(item);
          item.querySelector('input')?.focus();
        }
        this.announce();
      },
    });
  }

  /** Deletes that were waiting for their undo period are sent now (on log-out or leaving). */
  flushDeletes() {
    for (const [id, timer] of this.pendingDeletes) {
      clearTimeout(timer);
      this.api.delete(`/api/tasks/${id}`).catch(() => {});
    }
    this.pendingDeletes.clear();
  }
}

const PRIORITY_RANK = { urgent: 0, high: 1, medium: 2, low: 3, none: 4 };

/** What the API sorts by, comparable with `compareKeys`; tasks without a deadline come last. */
function sortKey(task, sort) {
  switch (sort) {
    case 'priority': return [PRIORITY_RANK[task.priority] ?? 5, task.id];
    case 'created': return [task.created_at, task.id];
    case 'updated': return [task.updated_at, task.id];
    case 'title': return [task.title.toLowerCase(), task.id];
    default: {
      const due = task.due_at ?? (task.due_date ? `${task.due_date}T00:00:00Z` : null);
      return [due === null ? 1 : 0, due ?? '', task.id];
    }
  }
}

function compareKeys(a, b) {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}

function span(text, className, title) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  if (title) element.title = title;
  return element;
}

function button(text, action, title) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.dataset.action = action;
  element.setAttribute('aria-label', `${text} “${title}”`);
  return element;
}
