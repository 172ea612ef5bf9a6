// Per-page state a feature shares between its components (the glossary's entries, the QA
// findings) without props through the page: keyed by the page's Workbench object, created
// by whichever component asks first, gone with the page.
const registry = new WeakMap<object, Map<string, unknown>>();

/** The `key` state of `owner`, created with `create()` on first use. */
export function featureState<T>(owner: object, key: string, create: () => T): T {
	let states = registry.get(owner);
	if (!states) registry.set(owner, (states = new Map()));
	if (!states.has(key)) states.set(key, create());
	return states.get(key) as T;
}
