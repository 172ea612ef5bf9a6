// Vite + vitest configuration.
// `duizhaoDev` gives `vite dev` the same runtime as production: it opens the database and
// attaches the collaboration websocket to Vite's own HTTP server (ARCHITECTURE §2).
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

function duizhaoDev(): Plugin {
	return {
		name: 'duizhao-dev-runtime',
		apply: 'serve',
		async configureServer(server) {
			// Null in middleware mode (vitest): no HTTP server, nothing to attach to.
			if (!server.httpServer) return;
			const { startDevRuntime } = await import('./src/lib/server/dev.ts');
			// Vite only serves HTTP/1 here (no https option), so this is a node:http Server.
			const stop = await startDevRuntime(server.httpServer as import('node:http').Server);
			server.httpServer.once('close', () => void stop());
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), duizhaoDev()],
	server: { port: Number(process.env.PORT ?? 5173) },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/helpers/global-build.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/e2e/**/*.e2e.ts'],
					environment: 'node',
					globalSetup: ['tests/helpers/global-build.ts', 'tests/helpers/global-chromium.ts'],
					fileParallelism: false,
					testTimeout: 90_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
