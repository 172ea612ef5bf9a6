import { describe, expect, it } from 'vitest';
import type { Status } from '../types.ts';
import { checkEmpty } from './empty.ts';

const SEED = '米勒表示：“我们已经采取了一系列行动，制裁在朝鲜和俄罗斯之间斡旋军售的实体，如果合适，我们将毫不犹豫地实施额外制裁。”';

describe('checkEmpty', () => {
	// [source, English, status, expected findings]
	const table: [string, string, Status | undefined, string[]][] = [
		[SEED, '', undefined, ['empty:warning']],
		[SEED, '   \n ', undefined, ['empty:warning']],
		[SEED, '', 'empty', ['empty:info']],
		[SEED, '', 'draft', ['empty:info']],
		[SEED, '', 'translated', ['empty:error']],
		[SEED, '', 'approved', ['empty:error']],
		[SEED, SEED, undefined, ['untranslated:error']],
		[SEED, `  ${SEED}\n`, 'draft', ['untranslated:error']],
		[SEED, '米勒表示：我们将毫不犹豫。', undefined, ['untranslated:error']],
		[SEED, 'Miller said: “We have already taken a series of actions.”', undefined, []],
		[SEED, 'Miller 表示 we will act.', undefined, []],
		// A credit line without Han characters may be copied as is.
		['(Mikhail Metzel/POOL/AFP)', '(Mikhail Metzel/POOL/AFP)', undefined, []],
		['', '', undefined, []]
	];
	it.each(table)('%s → %j (%s)', (source, target, status, expected) => {
		expect(checkEmpty(source, target, status).map((f) => `${f.code}:${f.severity}`)).toEqual(expected);
	});

	it('says why an empty pair is an error', () => {
		expect(checkEmpty(SEED, '', 'translated')[0]!.message).toBe('No English yet but the pair is marked translated');
	});
});
