/** True when a key press goes to a text field, a select or editable content (not a shortcut). */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** True for a plain "F" (no modifiers), the key that enters presenter mode. */
export function isPresentKey(event: KeyboardEvent): boolean {
  return (event.key === 'f' || event.key === 'F') && !event.ctrlKey && !event.metaKey && !event.altKey;
}
