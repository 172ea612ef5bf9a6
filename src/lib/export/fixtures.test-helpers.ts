// Test factory: the seed article (tests/fixtures/articles/epoch-n14073200-us-sanctions-
// warning.md) as an ExportInput, with its segments typed out by hand (the import pipeline
// is built separately; `export.test.ts` checks every text below really occurs in the
// fixture), an English translation of every segment, statuses, one resolved and one open
// claim, a comment thread and a glossary. Used by the unit tests and the browser test.
import { textToDoc } from '../schema/text.ts';
import type { Claim, Comment, GlossaryEntry, PMNodeJSON, Segment, SegmentKind, Status } from '../types.ts';
import type { ExportInput } from './types.ts';

const PUTIN_TAG = 'https://www.epochtimes.com/gb/tag/%E6%99%AE%E4%BA%AC.html';
const KIM_TAG = 'https://www.epochtimes.com/gb/tag/%E9%87%91%E6%AD%A3%E6%81%A9.html';

/** [kind, Chinese text, English, Chinese HTML if it has links]. */
type Row = [SegmentKind, string, string, string?];

export const SEED_ROWS: Row[] = [
	['title', '美国务院：若俄朝达成武器交易 美将祭制裁', 'US will impose sanctions if Russia and North Korea strike arms deal, State Department says'],
	[
		'caption',
		'周三（2023年9月13日），普京与金正恩在俄罗斯远东地区的东方航天发射场（Vostochny Cosmodrome）会面。他们在会上讨论了军事问题、乌克兰战争以及俄罗斯可能对朝鲜卫星计划提供的帮助。 (Mikhail Metzel/POOL/AFP)',
		"On Wednesday (September 13, 2023), Putin and Kim Jong Un met at the Vostochny Cosmodrome in Russia's Far East. They discussed military matters, the war in Ukraine and possible Russian help for North Korea's satellite program. (Mikhail Metzel/POOL/AFP)"
	],
	[
		'paragraph',
		'美国国务院周三（9月13日）表示，如果俄罗斯和朝鲜达成任何新的武器交易，美国政府将“毫不犹豫”对俄罗斯和朝鲜实施更多制裁。',
		'The US State Department said on Wednesday (September 13) that Washington would "not hesitate" to impose more sanctions on Russia and North Korea if the two reach any new arms deal.'
	],
	[
		'paragraph',
		'在周三的新闻发布会上，美国国务院发言人马修‧米勒（Matthew Miller）对俄罗斯总统普京和朝鲜领导人金正恩在俄罗斯会晤问题做出回应时，他发出上述警告。',
		"State Department spokesman Matthew Miller issued the warning at Wednesday's press briefing, responding to a question about the meeting in Russia between Russian President Putin and North Korean leader Kim Jong Un.",
		`在周三的新闻发布会上，美国国务院发言人马修‧米勒（Matthew Miller）对俄罗斯总统<a href="${PUTIN_TAG}">普京</a>和朝鲜领导人<a href="${KIM_TAG}">金正恩</a>在俄罗斯会晤问题做出回应时，他发出上述警告。`
	],
	[
		'paragraph',
		'米勒表示：“我们已经采取了一系列行动，制裁在朝鲜和俄罗斯之间斡旋军售的实体，如果合适，我们将毫不犹豫地实施额外制裁。”',
		'"We have already taken a number of actions to sanction entities that have brokered arms sales between North Korea and Russia, and if appropriate we will not hesitate to impose additional sanctions," Miller said.'
	],
	[
		'paragraph',
		'他说，俄罗斯和朝鲜正在讨论加强合作，这可能违反联合国安理会的决议，这令人不安。',
		'He said it was troubling that Russia and North Korea were discussing closer cooperation that could violate UN Security Council resolutions.'
	],
	[
		'paragraph',
		'“当你看到看似加强的合作以及可能的军事转移时，这是相当令人不安的，并且可能违反多项联合国安理会决议。”米勒说。',
		'"When you see what appears to be increasing cooperation and potential military transfers, that is quite troubling and would potentially violate multiple UN Security Council resolutions," Miller said.'
	],
	[
		'paragraph',
		'周三，普京与金正恩在俄罗斯远东地区的东方航天发射场（Vostochny Cosmodrome）会面。他们在会上讨论了军事问题、乌克兰战争以及俄罗斯可能对朝鲜卫星计划提供的帮助。',
		"On Wednesday, Putin and Kim met at the Vostochny Cosmodrome in Russia's Far East, where they discussed military matters, the war in Ukraine and possible Russian help for North Korea's satellite program.",
		`周三，<a href="${PUTIN_TAG}">普京</a>与<a href="${KIM_TAG}">金正恩</a>在俄罗斯远东地区的东方航天发射场（Vostochny Cosmodrome）会面。他们在会上讨论了军事问题、乌克兰战争以及俄罗斯可能对朝鲜卫星计划提供的帮助。`
	],
	[
		'paragraph',
		'普京带金正恩参观了俄罗斯远东地区最先进的太空火箭发射场，并讨论了将朝鲜宇航员送入太空的可能性。金正恩从朝鲜乘火车抵达，普京带他参观东方航天发射场时，金正恩询问了有关火箭的详细问题。',
		"Putin showed Kim around the most advanced space rocket launch site in Russia's Far East and discussed the possibility of sending a North Korean astronaut into space. Kim, who arrived from North Korea by train, asked detailed questions about the rockets as Putin showed him around the cosmodrome."
	],
	[
		'paragraph',
		'美国和韩国官员对金正恩可能向俄罗斯提供武器弹药表示担忧，俄罗斯在乌克兰18个多月的战争中消耗了大量库存。俄罗斯和朝鲜否认了这种意图。普京曾多次暗示正在讨论军事合作，但透露的细节很少。',
		'US and South Korean officials have voiced concern that Kim could supply weapons and ammunition to Russia, which has burned through large stocks in more than 18 months of war in Ukraine. Russia and North Korea have denied any such intention. Putin has repeatedly hinted that military cooperation was under discussion but has revealed few details.'
	],
	[
		'paragraph',
		'联合国秘书长安东尼奥‧古特雷斯表示俄罗斯必须谨慎行事。古特雷斯对记者表示：“任何国家与朝鲜的任何形式合作都必须尊重安理会实施的制裁体系。”',
		'UN Secretary-General António Guterres said Russia must tread carefully. "Any kind of cooperation any country has with North Korea must respect the sanctions regime imposed by the Security Council," Guterres told reporters.'
	],
	[
		'paragraph',
		'英国敦促朝鲜结束与俄罗斯的军备谈判，并表示金正恩的访问表明俄罗斯在世界舞台上变得多么孤立。',
		"Britain urged North Korea to end its arms talks with Russia and said Kim's visit showed how isolated Russia had become on the world stage."
	],
	[
		'paragraph',
		'米勒周一在国务院新闻会上也说，美国将继续追究帮助俄罗斯在乌克兰军事行动实体的责任。他当时对记者表示：“我将提醒两国，任何从朝鲜向俄罗斯转让武器的行为都将违反联合国安理会多项决议。”',
		'At a State Department briefing on Monday, Miller also said the United States would keep holding accountable entities that help Russia\'s military campaign in Ukraine. "I would remind both countries that any transfer of arms from North Korea to Russia would violate multiple UN Security Council resolutions," he told reporters at the time.'
	],
	[
		'paragraph',
		'“当然，我们已经对资助俄罗斯战争的实体主动实施了制裁，我们将继续实施这些制裁，并会在适当的情况下毫不犹豫实施新的制裁。”',
		'"Of course, we have proactively sanctioned entities that fund Russia\'s war, we will continue to enforce those sanctions, and we will not hesitate to impose new sanctions where appropriate."'
	],
	[
		'paragraph',
		'米勒认为，普京向金正恩寻求帮助，表明他在2022年对乌克兰全面入侵是一次“战略失败”。',
		'Miller argued that Putin turning to Kim for help showed that his full-scale invasion of Ukraine in 2022 had been a "strategic failure."'
	],
	[
		'paragraph',
		'在入侵最初几周未能占领乌克兰首都后，俄罗斯将战争目标限制在占领该国东部地区。乌克兰今年早些时候发动反攻，但只取得有限的进展。',
		"After failing to take Ukraine's capital in the first weeks of the invasion, Russia narrowed its war aims to occupying the country's east. Ukraine launched a counteroffensive earlier this year but has made only limited progress."
	],
	[
		'paragraph',
		'米勒说：“我们继续评估乌克兰人的反攻正在取得的进展，我们对其部队的能力充满信心。”',
		'"We continue to assess that the Ukrainians are making progress in their counteroffensive, and we have full confidence in the capability of their forces," Miller said.'
	],
	[
		'paragraph',
		'过去两周，美国多次敦促平壤不要向俄罗斯出售武器。周一，当被问及为什么美国担心金正恩和普京会面将讨论武器交易时，米勒回答说，这不是一次“社交聚会”。',
		'Over the past two weeks the United States has repeatedly urged Pyongyang not to sell weapons to Russia. Asked on Monday why Washington feared a Kim–Putin meeting would discuss arms deals, Miller replied that it was not a "social gathering."'
	],
	[
		'paragraph',
		'俄罗斯和朝鲜已表示近几个月来两国关系更加密切。例如，7月，俄罗斯国防部长谢尔盖‧绍伊古访问了朝鲜，这是自1991年以来俄罗斯国防部长首次访问朝鲜。期间，绍伊古与金正恩会面，讨论“战略和战术合作”。',
		'Russia and North Korea have signaled closer ties in recent months. In July, for example, Russian Defense Minister Sergei Shoigu visited North Korea, the first visit by a Russian defense minister since 1991. During the visit Shoigu met Kim to discuss "strategic and tactical cooperation."'
	],
	['paragraph', '金正恩和普京上个月还互致信函，誓言加强两国之间合作。', 'Kim and Putin also exchanged letters last month, pledging to strengthen cooperation between their countries.'],
	[
		'paragraph',
		'去年，美国还指责朝鲜秘密向俄罗斯运送炮弹，但俄罗斯和朝鲜均否认这一指控。',
		'Last year the United States also accused North Korea of secretly shipping artillery shells to Russia, an accusation both countries denied.'
	],
	[
		'paragraph',
		'俄罗斯与中共一起反对对朝鲜实施新制裁，阻止了美国主导的制裁，中俄还公开分裂联合国安理会。',
		'Together with the Chinese Communist Party, Russia has opposed new sanctions on North Korea and blocked US-led sanctions, and China and Russia have openly split the UN Security Council.'
	],
	[
		'paragraph',
		'当被问及军事合作时，普京周三表示，俄罗斯遵守国际规则，但还有探索的机会。',
		'Asked about military cooperation, Putin said on Wednesday that Russia abides by international rules but that there were opportunities to explore.'
	],
	['credit', '责任编辑：李缘', 'Editor: Li Yuan']
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The English of seed segment `id` with links where the source has them (s4, s8). */
function englishDoc(i: number, en: string): PMNodeJSON {
	const [, , , html] = SEED_ROWS[i]!;
	if (!html) return textToDoc(en);
	// Link "Putin" and "Kim Jong Un"/"Kim" like the source links 普京 and 金正恩.
	const content: PMNodeJSON[] = [];
	const re = /Putin|Kim Jong Un|Kim/g;
	let last = 0;
	for (let m = re.exec(en); m; m = re.exec(en)) {
		if (m.index > last) content.push({ type: 'text', text: en.slice(last, m.index) });
		const href = m[0] === 'Putin' ? PUTIN_TAG : KIM_TAG;
		content.push({ type: 'text', text: m[0], marks: [{ type: 'link', attrs: { href } }] });
		last = m.index + m[0].length;
	}
	if (last < en.length) content.push({ type: 'text', text: en.slice(last) });
	return { type: 'doc', content: [{ type: 'paragraph', content }] };
}

export const SEED_SOURCE_URL = 'https://www.epochtimes.com/gb/23/9/13/n14073200.htm';
export const SEED_IMAGE = 'https://i.epochtimes.com/assets/uploads/2023/09/id14073258-000_33V48JK-600x400.jpg';

const author = (id: number, name: string) => ({ id, name });
const T0 = '2023-09-14T08:00:00.000Z';

/** A resolved claim on s10 (with its English span) and an open one on s19. */
export function seedClaims(): Claim[] {
	const s10 = SEED_ROWS[9]![1];
	const q10 = '俄罗斯在乌克兰18个多月的战争中消耗了大量库存';
	const s19 = SEED_ROWS[18]![1];
	const q19 = '这是自1991年以来俄罗斯国防部长首次访问朝鲜';
	return [
		{
			id: 1,
			articleId: 1,
			segmentId: 's10',
			anchor: { start: s10.indexOf(q10), end: s10.indexOf(q10) + q10.length, quote: q10 },
			target: { from: 'AAA=', to: 'AAE=', quote: 'burned through large stocks in more than 18 months of war in Ukraine' },
			claimant: 'US and South Korean officials',
			verdict: 'mostly_true',
			evidence: [
				{ url: 'https://www.reuters.com/world/europe/russia-ammunition-shortage-2023-09-05/', title: 'Reuters: Russia’s artillery shell use', accessed: '2023-09-14' },
				{ url: 'https://www.state.gov/briefings/department-press-briefing-september-13-2023/', title: 'State Department press briefing, September 13, 2023', accessed: '2023-09-14' }
			],
			note: 'Western estimates agree that Russia has used up a large share of its artillery stocks; the exact figures are disputed.',
			status: 'resolved',
			recheck: false,
			checker: author(3, 'Dana Wu'),
			createdAt: T0,
			updatedAt: '2023-09-14T10:30:00.000Z'
		},
		{
			id: 2,
			articleId: 1,
			segmentId: 's19',
			anchor: { start: s19.indexOf(q19), end: s19.indexOf(q19) + q19.length, quote: q19 },
			target: null,
			claimant: 'The Epoch Times',
			verdict: 'unproven',
			evidence: [],
			note: '',
			status: 'open',
			recheck: false,
			checker: author(3, 'Dana Wu'),
			createdAt: T0,
			updatedAt: T0
		}
	];
}

export function seedComments(): Comment[] {
	const base = { articleId: 1, mentions: [], createdAt: T0, updatedAt: T0 };
	return [
		{
			...base,
			id: 1,
			segmentId: 's5',
			parentId: null,
			author: author(3, 'Dana Wu'),
			body: 'Check the quote against the State Department transcript.\nThe official wording may differ.',
			anchor: { side: 'source', start: 0, end: 2, quote: '米勒' },
			resolved: false
		},
		{ ...base, id: 2, segmentId: 's5', parentId: 1, author: author(1, 'Alice Chen'), body: 'Matched to the transcript.', anchor: null, resolved: false, createdAt: '2023-09-14T09:00:00.000Z' }
	];
}

export function seedGlossary(): GlossaryEntry[] {
	const base = { forbidden: [], doNotTranslate: false, createdBy: author(1, 'Alice Chen'), createdAt: T0, updatedAt: T0 };
	return [
		{ ...base, id: 1, source: '普京', targets: ['Vladimir Putin', 'Putin'], type: 'person', note: 'Full name on first mention.' },
		{ ...base, id: 2, source: '金正恩', targets: ['Kim Jong Un'], type: 'person', note: 'No hyphen.', forbidden: ['Kim Jong-un'] },
		// Not in this article: must stay out of its glossary appendix.
		{ ...base, id: 3, source: '习近平', targets: ['Xi Jinping'], type: 'person', note: '' }
	];
}

/** The seed segments `s1…s24` (HTML escaped from the text where the row has no links). */
export function seedSegments(): Segment[] {
	return SEED_ROWS.map(([kind, text, , html], i) => ({ id: `s${i + 1}`, kind, text, html: html ?? escapeHtml(text) }));
}

/** The seed as an ExportInput: every segment translated; `overrides` replace top-level parts. */
export function seedInput(overrides: Partial<ExportInput> = {}): ExportInput {
	const segments = seedSegments();
	const targets: Record<string, PMNodeJSON | null> = {};
	const statuses: Record<string, Status> = {};
	SEED_ROWS.forEach(([, , en], i) => {
		const id = `s${i + 1}`;
		targets[id] = englishDoc(i, en);
		statuses[id] = i < 3 ? 'approved' : i % 3 === 0 ? 'reviewed' : 'translated';
	});
	return {
		article: {
			id: 1,
			title: SEED_ROWS[0]![1],
			lang: 'zh-Hans',
			meta: {
				sourceUrl: SEED_SOURCE_URL,
				published: '2023-09-13',
				dateline: '大纪元2023年09月14日讯',
				byline: '大纪元记者夏雨综合报导',
				editor: '李缘'
			},
			segments,
			blocks: [{ kind: 'image', after: 's1', src: SEED_IMAGE, alt: SEED_ROWS[0]![1] }]
		},
		targets,
		statuses,
		claims: seedClaims(),
		comments: seedComments(),
		glossary: seedGlossary(),
		credits: { translators: ['Alice Chen', 'Bo Li'], reviewers: ['Dana Wu'] },
		exportedAt: '2023-09-15T12:00:00.000Z',
		tool: { name: 'Duizhao', version: '0.1.0' },
		...overrides
	};
}
