import { describe, expect, it } from 'vitest';
import { pageGate, safeNext } from './gate.ts';

describe('pageGate', () => {
	const fresh = { hasUsers: false, signedIn: false };
	const anon = { hasUsers: true, signedIn: false };
	const signedIn = { hasUsers: true, signedIn: true };

	it('sends every page to setup while no account exists', () => {
		expect(pageGate('/', '', fresh)).toBe('/setup');
		expect(pageGate('/login', '', fresh)).toBe('/setup');
		expect(pageGate('/admin/users', '?x=1', fresh)).toBe('/setup');
		expect(pageGate('/setup', '', fresh)).toBeNull();
	});

	it('sends anonymous visitors to sign-in with the page to come back to', () => {
		expect(pageGate('/', '', anon)).toBe('/login');
		expect(pageGate('/articles/3', '?seg=s2', anon)).toBe('/login?next=%2Farticles%2F3%3Fseg%3Ds2');
		expect(pageGate('/login', '', anon)).toBeNull();
		expect(pageGate('/logout', '', anon)).toBeNull();
		expect(pageGate('/setup', '', anon)).toBeNull();
	});

	it('lets signed-in users through', () => {
		expect(pageGate('/', '', signedIn)).toBeNull();
		expect(pageGate('/admin/users', '', signedIn)).toBeNull();
	});

	it('never redirects the API, built assets or the websocket', () => {
		for (const state of [fresh, anon]) {
			expect(pageGate('/api/articles', '', state)).toBeNull();
			expect(pageGate('/api', '', state)).toBeNull();
			expect(pageGate('/_app/immutable/x.js', '', state)).toBeNull();
			expect(pageGate('/collab/article-1', '', state)).toBeNull();
		}
		expect(pageGate('/apiary', '', anon)).toBe('/login?next=%2Fapiary');
	});
});

describe('safeNext', () => {
	it('keeps same-site paths with query and hash', () => {
		expect(safeNext('/articles/3?seg=s2#c1')).toBe('/articles/3?seg=s2#c1');
		expect(safeNext('/')).toBe('/');
	});

	it('refuses other sites, odd schemes and tricks', () => {
		for (const bad of [
			'https://evil.example/',
			'//evil.example/',
			'/\\evil.example/',
			'\\\\evil.example',
			'/\t/evil.example',
			'javascript:alert(1)',
			'evil.example',
			'',
			null,
			undefined,
			'/' + 'a'.repeat(3000)
		]) {
			expect(safeNext(bad)).toBe('/');
		}
	});

	it('does not land on the account pages themselves', () => {
		expect(safeNext('/logout')).toBe('/');
		expect(safeNext('/login?next=/x')).toBe('/');
		expect(safeNext('/setup')).toBe('/');
		expect(safeNext('/logouts')).toBe('/logouts');
	});

	it('normalises dot segments instead of escaping the site', () => {
		expect(safeNext('/a/../../b')).toBe('/b');
	});
});
