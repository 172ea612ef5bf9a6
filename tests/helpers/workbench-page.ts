// Reading and driving the workbench page in browser tests: a pair's English editor and
// its text, the pair that has the keyboard, and a source selection made the way a mouse
// makes one.
import type { Locator, Page } from 'playwright-core';

/** The English editor of pair `segmentId`. */
export const editor = (page: Page, segmentId: string): Locator => page.locator(`[data-segment="${segmentId}"] .target-editor`);

/** A pair's English as the editor shows it, without the remote-caret labels rendered inside it. */
export const editorText = (page: Page, segmentId: string): Promise<string> =>
	editor(page, segmentId).evaluate((el) => {
		const copy = el.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('.remote-caret').forEach((c) => c.remove());
		return copy.textContent ?? '';
	});

/** The id of the pair holding the keyboard focus, if any. */
export const focusedSegment = (page: Page): Promise<string | null> =>
	page.evaluate(() => document.activeElement?.closest('[data-segment]')?.getAttribute('data-segment') ?? null);

/** Selects `text` inside a pair's source the way a mouse would, and releases the button. */
export async function selectSource(page: Page, segmentId: string, text: string): Promise<void> {
	await page.evaluate(
		({ segmentId, text }) => {
			const root = document.querySelector(`[data-segment="${segmentId}"] .source-text:not([hidden])`)!;
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
				const at = n.data.indexOf(text);
				if (at < 0) continue;
				const range = document.createRange();
				range.setStart(n, at);
				range.setEnd(n, at + text.length);
				const sel = window.getSelection()!;
				sel.removeAllRanges();
				sel.addRange(range);
				root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
				return;
			}
			throw new Error(`“${text}” not found in the source of ${segmentId}`);
		},
		{ segmentId, text }
	);
}
