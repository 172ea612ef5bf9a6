// The benchmark's result (the JSON object of issue 8, plus detail fields) and its readable
// table: each row a measurement, its baseline, the ratio and the target it is held to.
import type { MachineInfo } from './lib/machine.ts';
import type { BrowserResult } from './browser.ts';

export interface BenchResult {
	machine: MachineInfo;
	quick: boolean;
	seconds?: number;
	load_after?: number;
	fanout?: {
		clients: number;
		typists: number;
		p50_ms: number;
		p99_ms: number;
		ref_p50_ms: number;
		ref_p99_ms: number;
		cpu_per_msg_ratio: number;
		rss_after_leave_ratio: number;
		cpu_per_msg_us: number;
		ref_cpu_per_msg_us: number;
		/** Times the server's main thread was preempted per edit typed (the scheduler, not our code: README). */
		preempted_per_edit: number;
		ref_preempted_per_edit: number;
		/** The clients' scheduling policy (lib/sched.ts): 'batch' unless it could not be set or --clients-sched other. */
		clients_sched: 'batch' | 'other';
		/** The relay floor (relay-floor.ts): forwarding bytes only, with Duizhao's write strategy. */
		relay_cpu_per_msg_us?: number;
		relay_cpu_per_msg_ratio?: number;
		relay_p99_ms?: number;
		relay_preempted_per_edit?: number;
		rss_mb: { before: number; during: number; after: number };
		ref_rss_after_leave_ratio: number;
		missing: number;
	};
	coldload?: {
		pairs: number;
		synced_ms: number;
		ref_synced_ms: number;
		floor_ms: number;
		warm_synced_ms: number;
		state_bytes: number;
		db_doc_bytes: number;
		compact_state_bytes: number;
		db_file_bytes: number;
	};
	browser?: Omit<BrowserResult, 'mounted'> & { mounted_editors: Record<string, number> };
	import?: { pairs: number; ms: number };
	export?: { pairs: number; ms: number; floor_ms: number; input_ms: number; render_ms: number; bytes: number };
}

type Row = [metric: string, value: string, baseline: string, ratio: string, target: string, ok: boolean | null];

const ms = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`);
const times = (x: number) => `${x.toFixed(2)}×`;

function rows(r: BenchResult): Row[] {
	const out: Row[] = [];
	const f = r.fanout;
	if (f) {
		out.push([`fanout p50 (${f.clients} clients, ${f.typists} typing)`, ms(f.p50_ms), `ref ${ms(f.ref_p50_ms)}`, `${f.p50_ms >= f.ref_p50_ms ? '+' : '−'}${Math.abs(f.p50_ms - f.ref_p50_ms).toFixed(2)} ms`, '≤ ref + 1 ms', f.p50_ms <= f.ref_p50_ms + 1]);
		out.push(['fanout p99', ms(f.p99_ms), `ref ${ms(f.ref_p99_ms)}`, times(f.p99_ms / f.ref_p99_ms), '≤ 1.0×', f.p99_ms <= f.ref_p99_ms]);
		// Where the tail comes from on a small machine: waits behind other threads (README "Performance").
		const relayPreempted = f.relay_preempted_per_edit === undefined ? '' : `, relay ${f.relay_preempted_per_edit.toFixed(2)}`;
		out.push([`  (server preempted per edit; clients SCHED_${f.clients_sched.toUpperCase()})`, f.preempted_per_edit.toFixed(2), `ref ${f.ref_preempted_per_edit.toFixed(2)}${relayPreempted}`, times(f.preempted_per_edit / f.ref_preempted_per_edit), '', null]);
		out.push(['server CPU per delivered message', `${f.cpu_per_msg_us.toFixed(1)} µs`, `ref ${f.ref_cpu_per_msg_us.toFixed(1)} µs`, times(f.cpu_per_msg_ratio), '≤ 0.7×', f.cpu_per_msg_ratio <= 0.7]);
		if (f.relay_cpu_per_msg_us !== undefined && f.relay_cpu_per_msg_ratio !== undefined) {
			// What forwarding bytes alone costs here: the floor for any relay on this machine.
			out.push(['  (relay floor: forwards bytes only)', `${f.relay_cpu_per_msg_us.toFixed(1)} µs, p99 ${ms(f.relay_p99_ms)}`, 'ref', times(f.relay_cpu_per_msg_ratio), '', null]);
		}
		out.push([
			'RSS after everyone left / before',
			`${f.rss_mb.after} / ${f.rss_mb.before} MB`,
			`ref ${times(f.ref_rss_after_leave_ratio)}`,
			times(f.rss_after_leave_ratio),
			'≤ 1.10×',
			f.rss_after_leave_ratio <= 1.1
		]);
	}
	const c = r.coldload;
	if (c) {
		out.push([`cold load to synced (${c.pairs} pairs)`, ms(c.synced_ms), `ref ${ms(c.ref_synced_ms)}`, times(c.synced_ms / c.ref_synced_ms), '≤ 1.0× ref', c.synced_ms <= c.ref_synced_ms]);
		out.push(['cold load vs floor (encode + apply)', ms(c.synced_ms), `floor ${ms(c.floor_ms)}`, times(c.synced_ms / c.floor_ms), '≤ 1.3× floor', c.synced_ms <= 1.3 * c.floor_ms]);
		out.push(['  (warm: room already loaded)', ms(c.warm_synced_ms), '', '', '', null]);
		out.push([
			'DB bytes of the document after compaction',
			`${(c.db_doc_bytes / 1024).toFixed(0)} KiB`,
			`state ${(c.compact_state_bytes / 1024).toFixed(0)} KiB`,
			times(c.db_doc_bytes / c.compact_state_bytes),
			'',
			null
		]);
	}
	const b = r.browser;
	if (b) {
		const limits: Record<string, number> = { '50': 1000, '2000': 2500 };
		for (const [size, v] of Object.entries(b.interactive_ms)) {
			const eager = b.eager_interactive_ms[size];
			const limit = limits[size];
			out.push([
				`interactive, ${size} pairs (${b.mounted_editors[size]} editors)`,
				ms(v),
				eager !== undefined ? `eager ${ms(eager)}` : '',
				eager !== undefined ? times(v / eager) : '',
				[limit ? `≤ ${limit / 1000} s` : '', eager !== undefined ? '≤ 0.5× eager' : ''].filter(Boolean).join(', '),
				limit || eager !== undefined ? (!limit || v <= limit) && (eager === undefined || v <= 0.5 * eager) : null
			]);
		}
		for (const [size, v] of Object.entries(b.eager_synced_interactive_ms)) out.push([`  (every editor, mounted after the sync, ${size})`, ms(v), '', '', '', null]);
		const sizes = Object.keys(b.keystroke_p95_ms);
		const small = b.keystroke_p95_ms[sizes[0]!]!;
		for (const size of sizes) {
			const v = b.keystroke_p95_ms[size]!;
			const vs = size === sizes[0] ? '' : `${sizes[0]} pairs ${ms(small)}`;
			out.push([
				`keystroke p95, ${size} pairs (p50 ${ms(b.keystroke_p50_ms[size])})`,
				ms(v),
				vs,
				vs ? times(v / small) : '',
				vs ? '≤ 16 ms, ≤ 1.5×' : '≤ 16 ms',
				v <= 16 && (!vs || v <= 1.5 * small)
			]);
		}
		out.push(['keystroke → remote paint p50', ms(b.remote_paint_p50_ms), '', '', '≤ 25 ms', b.remote_paint_p50_ms <= 25]);
		out.push(['keystroke → remote paint p99', ms(b.remote_paint_p99_ms), '', '', '≤ 60 ms', b.remote_paint_p99_ms <= 60]);
	}
	if (r.import) out.push([`import (${r.import.pairs} pairs, HTTP)`, ms(r.import.ms), '', '', '≤ 1 s', r.import.ms <= 1000]);
	const e = r.export;
	if (e) {
		out.push([`bilingual export (${e.pairs} pairs, HTTP)`, ms(e.ms), `floor ${ms(e.floor_ms)}`, times(e.ms / e.floor_ms), '≤ 150 ms', e.ms <= 150]);
		out.push(['  (in process: input from storage + render)', `${ms(e.input_ms)} + ${ms(e.render_ms)}`, '', '', '', null]);
	}
	return out;
}

/** The readable table, machine first. */
export function report(r: BenchResult): string {
	const m = r.machine;
	const head = `Machine: ${m.cpu}, ${m.cores} cores, ${m.memGb} GB RAM, Node ${m.node}; ${m.date}; load ${m.load1} → ${r.load_after ?? '?'}${r.quick ? '; QUICK run (reduced)' : ''}${r.seconds ? `; ${r.seconds} s` : ''}`;
	const table: string[][] = [['metric', 'Duizhao', 'baseline', 'ratio', 'target', ''], ...rows(r).map(([a, b, c, d, e, ok]) => [a, b, c, d, e, ok === null ? '' : ok ? 'ok' : 'MISSED'])];
	const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
	const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
	return [head, '', line(table[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)].join('\n');
}
