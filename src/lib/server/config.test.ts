import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.ts';

describe('configFromEnv', () => {
	it('stores with synchronous=NORMAL unless told FULL', () => {
		expect(configFromEnv({}).synchronous).toBe('normal');
		expect(configFromEnv({ DUIZHAO_SYNCHRONOUS: 'FULL' }).synchronous).toBe('full');
		expect(configFromEnv({ DUIZHAO_SYNCHRONOUS: 'normal' }).synchronous).toBe('normal');
		expect(configFromEnv({ DUIZHAO_SYNCHRONOUS: 'full' }, { synchronous: 'normal' }).synchronous).toBe('normal');
	});

	it('refuses a synchronous mode SQLite would not keep edits with', () => {
		expect(() => configFromEnv({ DUIZHAO_SYNCHRONOUS: 'off' })).toThrow(/DUIZHAO_SYNCHRONOUS must be one of normal, full, got "off"/);
	});

	it('refuses a port out of range', () => {
		expect(() => configFromEnv({ PORT: '70000' })).toThrow(/PORT must be an integer/);
	});
});
