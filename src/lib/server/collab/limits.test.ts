import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, ENV_NAMES, limitsFromEnv, resolveLimits } from './limits.ts';

describe('limits', () => {
	it('names an environment variable for every limit', () => {
		expect(ENV_NAMES.maxFrameBytes).toBe('DUIZHAO_COLLAB_MAX_FRAME_BYTES');
		expect(ENV_NAMES.maxAwarenessStatesPerConnection).toBe('DUIZHAO_COLLAB_MAX_AWARENESS_STATES_PER_CONNECTION');
		expect(Object.keys(ENV_NAMES).sort()).toEqual(Object.keys(DEFAULT_LIMITS).sort());
	});

	it('reads only the variables that are set and refuses nonsense', () => {
		expect(limitsFromEnv({ DUIZHAO_COLLAB_MAX_FRAME_BYTES: '65536', DUIZHAO_COLLAB_PING_INTERVAL_MS: '' })).toEqual({ maxFrameBytes: 65536 });
		expect(() => limitsFromEnv({ DUIZHAO_COLLAB_MAX_ROOMS: '-1' })).toThrow(/DUIZHAO_COLLAB_MAX_ROOMS/);
		expect(() => limitsFromEnv({ DUIZHAO_COLLAB_MAX_ROOMS: '1e3x' })).toThrow();
	});

	it('fills the rest with defaults', () => {
		expect(resolveLimits({ maxRooms: 3 })).toEqual({ ...DEFAULT_LIMITS, maxRooms: 3 });
	});
});
