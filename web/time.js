// Dates and times in the user's timezone (the account's, falling back to the browser's).

// Building an Intl formatter costs far more than using one: they are made once per zone.
const wallFormats = new Map();
const labelFormats = new Map();

function wallFormat(zone) {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    wallFormats.set(zone, format);
  }
  return format;
}

/** The parts of `instant` as a wall clock in `zone`. */
function wallParts(instant, zone) {
  const format = wallFormat(zone);
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour,
    minute: +parts.minute, second: +parts.second };
}

/** The offset of `zone` from UTC at `instant`, in milliseconds. */
function offsetAt(instant, zone) {
  const p = wallParts(instant, zone);
  const asUTC = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUTC - Math.floor(instant.getTime() / 1000) * 1000;
}

/** `YYYY-MM-DD` of `instant` in `zone`. */
export function localDate(instant, zone) {
  const p = wallParts(instant, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `HH:MM` of `instant` in `zone`. */
export function localTime(instant, zone) {
  const p = wallParts(instant, zone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant of a wall-clock date and time in `zone`, as an RFC 3339 string in UTC. */
export function zonedInstant(date, time, zone) {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let instant = guess - offsetAt(new Date(guess), zone);
  instant = guess - offsetAt(new Date(instant), zone);
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** The first instant of a local date in `zone`. */
export function startOfDay(date, zone) { return zonedInstant(date, '00:00', zone); }

/** The day after a `YYYY-MM-DD` date. */
export function nextDay(date) {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}

// Today's date and year per zone, kept for a second: a list of hundreds asks for them per task.
const todayCache = new Map();

function today(now, zone) {
  const second = Math.floor(now.getTime() / 1000);
  const cached = todayCache.get(zone);
  if (cached && cached.second === second) return cached;
  const p = wallParts(now, zone);
  const entry = { second, date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, year: p.year };
  todayCache.set(zone, entry);
  return entry;
}

/** `overdue`, `today` or null for a task, judged in `zone` at `now`. */
export function urgency(task, zone, now = new Date()) {
  if (task.completed) return null;
  const today = todayDate(now, zone);
  if (task.due_at) {
    const due = new Date(task.due_at);
    if (due < now) return 'overdue';
    return localDate(due, zone) === today ? 'today' : null;
  }
  if (task.due_date) {
    if (task.due_date < today) return 'overdue';
    return task.due_date === today ? 'today' : null;
  }
  return null;
}

/** How a task's deadline reads: "Today 09:30", "Tue 16 Jan 2030, 09:30", "Mon 15 Jan". */
export function describeDue(task, zone, now = new Date()) {
  const today = todayDate(now, zone);
  if (task.due_at) {
    const due = new Date(task.due_at);
    const date = localDate(due, zone);
    const time = localTime(due, zone);
    return `${date === today ? 'Today' : dateLabel(date, now, zone)} ${time}`;
  }
  if (task.due_date) return task.due_date === today ? 'Today' : dateLabel(task.due_date, now, zone);
  return '';
}

/** A short local date and time for an instant, for notifications. */
export function describeInstant(text, zone) {
  const instant = new Date(text);
  return `${localDate(instant, zone)} ${localTime(instant, zone)}`;
}

function dateLabel(date, now, zone) {
  const [y, m, d] = date.split('-').map(Number);
  const noon = new Date(Date.UTC(y, m - 1, d, 12));
  const sameYear = y === today(now, zone).year;
  const key = sameYear ? 'short' : 'long';
  let format = labelFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, {
      weekday: 'short', day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric', timeZone: 'UTC',
    });
    labelFormats.set(key, format);
  }
  return format.format(noon);
}

function todayDate(now, zone) { return today(now, zone).date; }

function pad(n) { return String(n).padStart(2, '0'); }

/** The browser's timezone, for a new account. */
export function browserZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
