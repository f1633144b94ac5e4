// Short messages at the bottom of the screen, optionally with one action (Undo).

export class Toasts {
  constructor(container) { this.container = container; }

  show(text, { action, onAction, duration = 4000 } = {}) {
    const toast = document.createElement('div');
    toast.className = 'toast';
    const message = document.createElement('span');
    message.textContent = text;
    toast.append(message);
    const dismiss = () => toast.remove();
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action;
      button.addEventListener('click', () => {
        dismiss();
        onAction();
      });
      toast.append(button);
    }
    this.container.append(toast);
    setTimeout(dismiss, duration);
    return toast;
  }
}
