#!/usr/bin/env node
// The `duizhao` command (ARCHITECTURE §4 CLI). Node 20 cannot run TypeScript, so this thin
// JavaScript entry registers tsx's ESM loader and then runs the CLI from source — which is
// why `npx duizhao …` works in a checkout right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const entry = new URL('../cli/main.ts', import.meta.url).href;
/** @type {{ main(argv: string[]): Promise<number> }} */
const cli = await import(entry);
process.exitCode = await cli.main(process.argv.slice(2));
