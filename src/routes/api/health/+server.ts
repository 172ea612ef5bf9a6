// Liveness and readiness: answers when the runtime (database) is up.
import { runtime } from '$lib/server/runtime';
import { json } from '$lib/server/http/errors';

export const GET = () => {
	const rt = runtime();
	const { n } = rt.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
	return json({ ok: true, articles: n });
};
