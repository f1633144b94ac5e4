// The create/edit dialog: reads the form into the API's task fields and saves it.
import { localDate, localTime, zonedInstant } from './time.js';

const PRESETS = ['FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'FREQ=WEEKLY', 'FREQ=MONTHLY', 'FREQ=YEARLY'];
const STANDARD_REMINDERS = ['0', '15', '60', '1440'];

export class TaskEditor {
  constructor({ api, zone, dialog, onSaved }) {
    this.api = api;
    this.zone = zone;
    this.dialog = dialog;
    this.form = dialog.querySelector('form');
    this.onSaved = onSaved;
    this.task = null;
    this.opener = null;
    const form = this.form;
    form.elements.repeat.addEventListener('change', () => this.showCustomRule());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    dialog.querySelector('#editor-cancel').addEventListener('click', () => this.close());
    dialog.addEventListener('close', () => this.opener?.focus());
  }

  /** Opens the dialog for a new task (no argument) or to edit `task`. */
  open(task = null) {
    this.task = task;
    this.opener = document.activeElement;
    const f = this.form.elements;
    this.form.reset();
    this.dialog.querySelector('#editor-title').textContent = task ? 'Edit task' : 'New task';
    this.dialog.querySelector('#editor-error').textContent = '';
    if (task) {
      f.title.value = task.title;
      f.description.value = task.description ?? '';
      f.priority.value = task.priority;
      f.tags.value = task.tags.join(', ');
      if (task.due_at) {
        f.due_date.value = localDate(new Date(task.due_at), this.zone());
        f.due_time.value = localTime(new Date(task.due_at), this.zone());
      } else if (task.due_date) {
        f.due_date.value = task.due_date;
      }
      const rule = (task.recurrence ?? '').replace(/^RRULE:/, '');
      f.repeat.value = !rule ? '' : PRESETS.includes(rule) ? rule : 'custom';
      f.rrule.value = rule;
      f.recurrence_mode.value = task.recurrence_mode ?? 'from_schedule';
      for (const reminder of task.reminders) {
        const minutes = String(reminder.minutes_before ?? '');
        const box = [...this.form.querySelectorAll('input[name="reminder"]')].find((b) => b.value === minutes);
        if (box) box.checked = true;
        else if (minutes) f.reminder_custom.value = minutes;
      }
    }
    this.dialog.querySelector('#scope-row').hidden = !task?.series_id;
    this.showCustomRule();
    this.dialog.showModal();
    f.title.focus();
  }

  close() { this.dialog.close(); }

  showCustomRule() {
    this.dialog.querySelector('#custom-rule').hidden = this.form.elements.repeat.value !== 'custom';
  }

  /** The API's fields for what the form holds; throws a message for what cannot be sent. */
  fields() {
    const f = this.form.elements;
    const title = f.title.value.trim();
    if (!title) throw new Error('A task needs a title.');
    const body = {
      title, description: f.description.value.trim() || null, priority: f.priority.value,
      tags: f.tags.value.split(/[,\s]+/).map((t) => t.replace(/^#/, '')).filter(Boolean),
    };
    const date = f.due_date.value;
    const time = f.due_time.value;
    if (time && !date) throw new Error('Give a due date for the time.');
    body.due_at = date && time ? zonedInstant(date, time, this.zone()) : null;
    body.due_date = date && !time ? date : null;

    const minutes = [...this.form.querySelectorAll('input[name="reminder"]:checked')].map((b) => Number(b.value));
    if (f.reminder_custom.value !== '') minutes.push(Number(f.reminder_custom.value));
    if (minutes.length && !date) throw new Error('Reminders need a due date.');
    body.reminders = [...new Set(minutes)].map((m) => ({ minutes_before: m }));

    const rule = f.repeat.value === 'custom' ? f.rrule.value.trim() : f.repeat.value;
    if (rule && !date) throw new Error('A repeating task needs a due date.');
    body.recurrence = rule || null;
    body.recurrence_mode = rule ? f.recurrence_mode.value : null;
    return body;
  }

  async save() {
    const error = this.dialog.querySelector('#editor-error');
    error.textContent = '';
    let body;
    try {
      body = this.fields();
    } catch (problem) {
      error.textContent = problem.message;
      return;
    }
    const button = this.dialog.querySelector('#editor-save');
    button.disabled = true;
    try {
      let saved;
      if (this.task) {
        const scope = this.task.series_id ? `?scope=${this.form.elements.scope.value}` : '';
        if (!body.recurrence && !this.task.recurrence) delete body.recurrence_mode;
        saved = await this.api.patch(`/api/tasks/${this.task.id}${scope}`, body, { ifMatch: this.task.version });
      } else {
        saved = await this.api.post('/api/tasks', body);
      }
      this.close();
      this.onSaved(saved, !this.task);
    } catch (problem) {
      error.textContent = describeError(problem);
    } finally {
      button.disabled = false;
    }
  }
}

function describeError(problem) {
  if (problem.code === 'version_mismatch') return 'Someone changed this task meanwhile. Close and open it again.';
  const fields = problem.details?.fields;
  if (Array.isArray(fields) && fields.length) {
    return fields.map((f) => `${f.field}: ${f.message}`).join(' ');
  }
  return problem.message;
}
