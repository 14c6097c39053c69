/** Typing in a field (or a modified key, or an open dialog) never moves the workshop. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (event.altKey || event.ctrlKey || event.metaKey) return true;
  return Boolean(target?.closest("input, textarea, select, [contenteditable=true], [role=dialog], [role=alertdialog]"));
}
