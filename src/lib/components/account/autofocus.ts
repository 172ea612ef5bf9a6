// Svelte action: focus the element when it mounts (the first field of a sign-in form).
// An action rather than the `autofocus` attribute so it also works after client-side
// navigation, and so it is used deliberately, on the one field that should have it.
export function autofocus(node: HTMLElement): void {
	node.focus();
}
