// Lint: recommended JS/TS/Svelte rules plus the layer rules of ARCHITECTURE §9 —
// imports point one way: pure core ← editor ← collab ← state/components ← routes;
// server/* ← routes. A violation is an error, not a warning.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import svelteConfig from './svelte.config.js';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'crypto', 'http', 'https', 'net', 'os', 'child_process', 'url', 'util', 'stream', 'worker_threads'];

/** `no-restricted-imports` with one message for a list of forbidden patterns. */
function forbid(patterns, message) {
	return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

const LIB_IS_RELATIVE = ['$lib', '$lib/*'];
const SERVER = ['$lib/server', '$lib/server/*'];
const UPPER_BROWSER = ['*.svelte'];

/** Folder-level layering on resolved paths: `target` may not import from `from`. */
const L = (dir) => `./src/lib/${dir}`;
const zones = [
	...['article', 'schema', 'qa', 'export'].map((dir) => ({
		target: L(dir),
		from: [L('editor'), L('collab'), L('state'), L('components'), L('server'), './src/routes', './src/cli'],
		message: 'the pure core imports only types and other pure-core modules'
	})),
	{ target: L('ydoc'), from: [L('editor'), L('collab'), L('state'), L('components'), L('server'), './src/routes'], message: 'ydoc/ (Yjs model helpers shared by browser and server) sits on the pure core only' },
	{ target: L('editor'), from: [L('collab'), L('state'), L('components'), L('server'), './src/routes'], message: 'editor/ sits below collab, state and components' },
	{ target: L('collab'), from: [L('state'), L('components'), L('server'), './src/routes'], message: 'collab/ sits below state and components' },
	{ target: [L('state'), L('components')], from: [L('server'), './src/routes'], message: 'browser code never imports server code' },
	{ target: L('server'), from: [L('editor'), L('collab'), L('state'), L('components'), './src/routes'], message: 'server code does not import browser layers' }
];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'tests/artifacts/', 'data/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-console': 'off',
			// Our reactive state lives in explicit $state classes; the Maps this rule flags are
			// fresh values inside $derived computations or deliberately non-reactive registries.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		plugins: { 'import-x': importX },
		rules: { 'import-x/no-restricted-paths': ['error', { zones }] }
	},
	// The domain types import nothing at all.
	{ files: ['src/lib/types.ts'], rules: forbid(['*', '.*', '**'], 'types.ts is the bottom layer: it imports nothing') },
	// Pure core: no I/O, no Yjs, no framework, nothing above it.
	{
		files: ['src/lib/{article,schema,qa,export}/**/*.ts'],
		rules: forbid(
			[...NODE_BUILTINS, '$app/*', '$env/*', 'yjs', 'y-*', ...SERVER, ...UPPER_BROWSER, ...LIB_IS_RELATIVE],
			'Pure core (article, schema, qa, export) may import only types and other pure-core modules'
		)
	},
	// Editor: ProseMirror plugins over the core; no Yjs transport, state or components.
	{
		files: ['src/lib/editor/**/*.ts'],
		rules: forbid(
			[...NODE_BUILTINS, '$app/*', ...SERVER, ...LIB_IS_RELATIVE],
			'editor/ may import the pure core only'
		)
	},
	// Yjs document helpers shared by the browser collab layer and the server (anchors):
	// yjs/lib0 over the pure core, nothing that needs a DOM or Node.
	{
		files: ['src/lib/ydoc/**/*.ts'],
		rules: forbid([...NODE_BUILTINS, '$app/*', '$env/*', 'y-websocket', ...SERVER, ...UPPER_BROWSER, ...LIB_IS_RELATIVE], 'ydoc/ may import yjs, lib0 and the pure core only')
	},
	// Browser collab: Yjs and the provider over editor + core.
	{
		files: ['src/lib/collab/**/*.ts'],
		rules: forbid(
			[...NODE_BUILTINS, '$app/*', ...SERVER, ...LIB_IS_RELATIVE],
			'collab/ may import editor and the pure core only'
		)
	},
	// Browser state and components never reach into the server.
	{
		files: ['src/lib/{state,components}/**/*.{ts,svelte}'],
		rules: forbid([...NODE_BUILTINS, ...SERVER], 'state/ and components/ run in the browser: no server code')
	},
	// Server code runs outside SvelteKit too (CLI, production entry): no $app/$env, and no
	// browser layers.
	{
		files: ['src/lib/server/**/*.ts', 'src/cli/**/*.ts'],
		rules: forbid(
			['$app/*', '$env/*', ...UPPER_BROWSER, ...LIB_IS_RELATIVE],
			'server code runs under plain Node too: relative imports, no $app/$env, no browser layers'
		)
	}
);
