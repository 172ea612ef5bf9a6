// Reading and checking the account forms (setup, admin "add user", password changes):
// field-by-field messages so a page can show each next to its input.
import { passwordProblem } from './passwords.ts';
import { displayNameProblem, nameProblem, normalizeName } from './users.ts';

/** A text field of a submitted form; '' when missing or a file. */
export function field(form: FormData, key: string): string {
	const value = form.get(key);
	return typeof value === 'string' ? value : '';
}

/** What a failed form action returns to its page. */
export interface FormFailure {
	/** The one-line summary shown in the form's live region. */
	message: string;
	/** Messages per field name. */
	errors?: Record<string, string>;
	/** Submitted values to put back (never passwords). */
	values?: Record<string, string>;
}

/** Checks a new password and its confirmation; messages keyed by field name. */
export function passwordErrors(password: string, confirm: string, fields = { password: 'password', confirm: 'confirm' }): Record<string, string> {
	const errors: Record<string, string> = {};
	const problem = passwordProblem(password);
	if (problem) errors[fields.password] = problem;
	else if (password !== confirm) errors[fields.confirm] = 'The two passwords are not the same';
	return errors;
}

export interface AccountFields {
	name: string;
	displayName: string;
	password: string;
	/** The password typed again; omit when the form has no confirmation field. */
	confirm?: string;
}

/** Checks the fields of a new account; messages keyed by field name (empty = fine). */
export function accountErrors(f: AccountFields): Record<string, string> {
	const errors: Record<string, string> = {};
	const name = nameProblem(normalizeName(f.name));
	if (name) errors.name = name;
	const displayName = f.displayName.trim() ? displayNameProblem(f.displayName.normalize('NFC').trim()) : null;
	if (displayName) errors.displayName = displayName;
	Object.assign(errors, passwordErrors(f.password, f.confirm ?? f.password));
	return errors;
}

/** A summary line for several field errors. */
export function summary(errors: Record<string, string>): string {
	const n = Object.keys(errors).length;
	return n === 1 ? Object.values(errors)[0]! : `Please correct the ${n} marked fields`;
}
