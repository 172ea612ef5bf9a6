// SvelteKit configuration. Production runs through adapter-node's handler wrapped by
// our own HTTP server (src/lib/server/serve.ts), which also hosts the collab websocket.
import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build', precompress: false }),
		// SvelteKit's built-in check rejects every cross-site `text/plain` POST, including
		// bots posting an article with a Bearer token and no Origin header (the HTTP
		// contract allows that). hooks.server.ts does the check instead: cookie-authenticated
		// unsafe requests must come from our own origin; token requests carry no ambient
		// authority, so they need no Origin. `trustedOrigins: ['*']` is how SvelteKit ≥ 2.36
		// spells "leave the origin check to the app" (`checkOrigin: false` is deprecated).
		csrf: { trustedOrigins: ['*'] },
		// A strict policy for the app's own pages: scripts only from us (SvelteKit hashes its
		// inline bootstrap), no plugins, no framing. Images may come from news sites (lead
		// images); styles allow inline attributes (Svelte's style: directives).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'https:', 'http:', 'data:'],
				'font-src': ['self', 'data:'], // Vite inlines small font subsets as data: URLs
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
