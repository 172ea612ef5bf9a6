// Which Chinese script the article is written in: Traditional (`zh-Hant`) or Simplified
// (`zh-Hans`, the default), by counting common characters that exist in only one of them.
// The tag sets the font and hyphenation of the source column and goes into exports. Pure.

// Pairs of frequent characters: [simplified, traditional].
const PAIRS =
	'这這 们們 来來 时時 对對 说說 为為 会會 国國 与與 后後 个個 里裡 点點 从從 开開 关關 书書 当當 样樣 还還 让讓 实實 发發 经經 过過 应應 间間 现現 将將 学學 体體 长長 东東 门門 问問 听聽 见見 车車 马馬 鸟鳥 华華 报報 记記 者者 们們 员員 总總 统統 权權 战戰 军軍 钱錢 岁歲 观觀 议議 选選 举舉 党黨 务務 际際 济濟 传傳 图圖 录錄 乐樂 语語 认認 义義 业業 产產 动動 农農 无無 万萬 区區 处處 级級 组組 织織 线線 网網 联聯 众眾 头頭 节節 达達 运運 边邊 进進 远遠 连連 选選 还還';

const SIMPLIFIED = new Set<string>();
const TRADITIONAL = new Set<string>();
for (const pair of PAIRS.split(' ')) {
	const [s, t] = Array.from(pair);
	if (s && t && s !== t) {
		SIMPLIFIED.add(s);
		TRADITIONAL.add(t);
	}
}

/** `zh-Hant` when Traditional-only characters outnumber Simplified-only ones, else `zh-Hans`. */
export function detectLang(text: string): 'zh-Hans' | 'zh-Hant' {
	let simplified = 0;
	let traditional = 0;
	// A sample is enough and keeps this linear in a bounded prefix of long articles.
	const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
	for (const ch of sample) {
		if (SIMPLIFIED.has(ch)) simplified++;
		else if (TRADITIONAL.has(ch)) traditional++;
	}
	return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
}
