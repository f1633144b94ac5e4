// The chat panel: sends messages to POST /api/chat and shows replies, the actions taken (linked
// to their tasks) and clarifying questions.

export class ChatPanel {
  constructor({ api, log, form, onTask, onDeleted, focusTask }) {
    this.api = api;
    this.onDeleted = onDeleted;
    this.log = log;
    this.form = form;
    this.onTask = onTask;
    this.focusTask = focusTask;
    this.conversationID = null;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send();
    });
    log.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-task]');
      if (!link) return;
      event.preventDefault();
      this.focusTask(link.dataset.task);
    });
  }

  reset() {
    this.conversationID = null;
    this.log.replaceChildren();
  }

  async send() {
    const input = this.form.elements.message;
    const message = input.value.trim();
    if (!message) return;
    input.value = '';
    this.add('me', message);
    const body = { message };
    if (this.conversationID) body.conversation_id = this.conversationID;
    try {
      const answer = await this.api.post('/api/chat', body);
      this.conversationID = answer.conversation_id ?? this.conversationID;
      this.showAnswer(answer);
    } catch (error) {
      const text = error.code === 'route_not_found' ? 'Chat is not available on this server yet.' : error.message;
      this.add('bot error', text);
    }
    input.focus();
  }

  showAnswer(answer) {
    const item = this.add(answer.question ? 'bot question' : 'bot', answer.reply ?? '');
    if (answer.question && answer.question !== answer.reply) {
      const question = document.createElement('p');
      question.className = 'question-text';
      question.textContent = typeof answer.question === 'string' ? answer.question : answer.question.text ?? '';
      if (question.textContent) item.append(question);
    }
    const actions = answer.actions ?? [];
    if (!actions.length) return;
    const list = document.createElement('ul');
    list.className = 'chat-actions';
    list.setAttribute('aria-label', 'What the assistant did');
    for (const action of actions) {
      const entry = document.createElement('li');
      const tasks = tasksIn(action.result);
      entry.append(describeTool(action.tool) + (tasks.length ? ': ' : ''));
      tasks.forEach((task, index) => {
        if (index) entry.append(', ');
        if (action.tool === 'delete_task') {
          entry.append(task.title);
          this.onDeleted(task.id);
          return;
        }
        const link = document.createElement('a');
        link.href = '#task-' + task.id;
        link.dataset.task = task.id;
        link.textContent = task.title;
        entry.append(link);
        if ('version' in task) this.onTask(task);
      });
      list.append(entry);
    }
    item.append(list);
  }

  add(role, text) {
    const item = document.createElement('li');
    item.className = role;
    const who = document.createElement('span');
    who.className = 'visually-hidden';
    who.textContent = role.startsWith('me') ? 'You: ' : 'Assistant: ';
    item.append(who, text);
    this.log.append(item);
    item.scrollIntoView({ block: 'nearest' });
    return item;
  }
}

/** The tasks a tool's result carries: a task, `{task}`, `{tasks: [...]}`, `{deleted: {id, title}}` or a list. */
function tasksIn(result) {
  if (!result || typeof result !== 'object') return [];
  if (Array.isArray(result)) return result.flatMap(tasksIn);
  if (result.id && result.title) return [result];
  if (result.task) return tasksIn(result.task);
  if (result.deleted?.id) return [result.deleted];
  if (result.tasks) return tasksIn(result.tasks);
  return [];
}

function describeTool(tool) {
  const names = {
    add_task: 'Added', create_task: 'Added', update_task: 'Changed', complete_task: 'Completed',
    delete_task: 'Deleted', list_tasks: 'Listed', reopen_task: 'Reopened',
  };
  return names[tool] ?? tool;
}
