// A first guess at a new glossary term's type from its Chinese text, to prefill the
// "Add to glossary" dialog (the translator corrects it when wrong): interpuncts and
// common surnames suggest a person, place and organisation suffixes say what they name.
// Pure and deliberately small.
import type { TermType } from '../types.ts';

/** Suffixes of organisations (longest first where one ends another). */
const ORGANISATION = /(?:委员会|国务院|外交部|国防部|联合国|北约|政府|议会|国会|法院|公司|集团|银行|大学|学院|协会|组织|联盟|基金会|研究所|中心|通讯社|电视台|日报|时报|党|部|局|署|院|会|社|厅|军|队|办)$/u;
/** Suffixes of places. */
const PLACE = /(?:发射场|机场|港口|广场|半岛|海峡|地区|自治区|特别行政区|省|市|县|州|区|镇|村|岛|山|河|江|湖|海|湾|港|洲|国|城|站|宫|堡)$/u;
/** Frequent Chinese and Korean surnames, for 2–3 character names. */
const SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习']);
/** Foreign names are transcribed with an interpunct between given name and surname. */
const INTERPUNCT = /[·‧•・]/u;
const HAN = /^\p{Script=Han}+$/u;

/** Guesses the type of a source term: person, place, organisation or (by default) term. */
export function guessTermType(text: string): TermType {
	const t = text.trim();
	if (!t) return 'term';
	if (INTERPUNCT.test(t)) return 'person';
	if (ORGANISATION.test(t) && [...t].length > 1) return 'organisation';
	if (PLACE.test(t) && [...t].length > 1) return 'place';
	const chars = [...t];
	if (HAN.test(t) && chars.length >= 2 && chars.length <= 3 && SURNAMES.has(chars[0]!)) return 'person';
	return 'term';
}
