// Human labels for statuses and segment kinds.
import type { SegmentKind, Status } from '../../types.ts';

export const STATUS_LABELS: Record<Status, string> = {
	empty: 'Empty',
	draft: 'Draft',
	translated: 'Translated',
	reviewed: 'Reviewed',
	approved: 'Approved',
	rejected: 'Rejected'
};

export const KIND_LABELS: Record<SegmentKind, string> = {
	title: 'Title',
	paragraph: 'Paragraph',
	heading: 'Heading',
	caption: 'Caption',
	list_item: 'List item',
	quote: 'Quote',
	credit: 'Credit'
};
