// The exercise panel's script. The extension renders and escapes all content; this script only
// swaps in the HTML it is sent, remembers which exercise is shown (for the serializer after a
// reload) and posts button presses back as `{ type: <data-action> }`.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const main = /** @type {HTMLElement} */ (document.getElementById('panel'));

  main.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const button = target.closest('button[data-action]');
    if (!button || /** @type {HTMLButtonElement} */ (button).disabled) return;
    vscode.postMessage({ type: button.getAttribute('data-action') });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'render' || typeof message.html !== 'string') return;
    // Keep the keyboard where it was: refocus the button with the same action after the swap.
    const focused = document.activeElement && document.activeElement.getAttribute('data-action');
    main.innerHTML = message.html;
    if (focused) {
      const again = main.querySelector(`button[data-action="${focused}"]:not([disabled])`);
      if (again) /** @type {HTMLElement} */ (again).focus();
    }
    if (typeof message.exerciseId === 'string') vscode.setState({ exerciseId: message.exerciseId });
  });

  vscode.postMessage({ type: 'ready' });
})();
