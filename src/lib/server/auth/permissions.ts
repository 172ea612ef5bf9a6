// Who may do what (ARCHITECTURE §3). One pure function, checked on the server by every
// route and by the collab upgrade; pages receive the answers as flags, never decide.
import type { Role, Status } from '../../types.ts';

export type Action =
	| 'article.read'
	| 'article.import'
	| 'article.export'
	| 'text.edit'
	| 'glossary.read'
	| 'glossary.write'
	| 'glossary.delete'
	| 'comment.create'
	| 'comment.resolve'
	| 'comment.delete.any'
	| 'claim.create'
	| 'claim.resolve'
	| 'users.manage';

const RULES: Record<Action, readonly Role[]> = {
	'article.read': ['admin', 'editor', 'translator', 'reviewer'],
	'article.import': ['admin', 'editor'],
	'article.export': ['admin', 'editor'],
	'text.edit': ['admin', 'editor', 'translator'],
	'glossary.read': ['admin', 'editor', 'translator', 'reviewer'],
	'glossary.write': ['admin', 'editor', 'translator'],
	'glossary.delete': ['admin', 'editor'],
	'comment.create': ['admin', 'editor', 'translator', 'reviewer'],
	'comment.resolve': ['admin', 'editor', 'translator', 'reviewer'],
	'comment.delete.any': ['admin'],
	'claim.create': ['admin', 'editor', 'translator', 'reviewer'],
	'claim.resolve': ['admin', 'editor', 'reviewer'],
	'users.manage': ['admin']
};

export function can(role: Role | null | undefined, action: Action): boolean {
	return !!role && RULES[action].includes(role);
}

/** Statuses a role may set: translators draft ↔ translated; reviewers review outcomes. */
const STATUS_RULES: Record<Role, readonly Status[]> = {
	admin: ['empty', 'draft', 'translated', 'reviewed', 'approved', 'rejected'],
	editor: ['empty', 'draft', 'translated', 'reviewed', 'approved', 'rejected'],
	translator: ['draft', 'translated'],
	reviewer: ['reviewed', 'approved', 'rejected']
};

export function canSetStatus(role: Role | null | undefined, status: Status): boolean {
	return !!role && STATUS_RULES[role].includes(status);
}
