// The machine a run happened on, printed at the top of the report and kept in the JSON:
// numbers from different machines are not comparable, ratios roughly are.
import { cpus, totalmem } from 'node:os';
import { loadAverage } from './proc.ts';

export interface MachineInfo {
	cpu: string;
	cores: number;
	memGb: number;
	node: string;
	date: string;
	load1: number;
}

export function machineInfo(): MachineInfo {
	const list = cpus();
	return {
		cpu: list[0]?.model.trim() ?? 'unknown',
		cores: list.length,
		memGb: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		date: new Date().toISOString(),
		load1: loadAverage()
	};
}
