// Reading a password for a CLI command: the first line of stdin when it is a pipe
// (`echo "$PW" | duizhao user add …`), or typed twice without echo at a terminal.

/** Longest line read from a pipe; a password is far shorter (see PASSWORD_MAX). */
const LINE_LIMIT = 4096;

/** The first line of a stream (without `\n` / `\r\n`), or everything if it has no newline. */
export async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let text = '';
	for await (const chunk of stream) {
		text += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
		const end = text.indexOf('\n');
		// Returning ends the loop, which stops reading: the rest of stdin is left alone.
		if (end >= 0) return text.slice(0, end).replace(/\r$/, '');
		if (text.length > LINE_LIMIT) throw new Error('the first line of stdin is too long for a password');
	}
	return (text + decoder.decode()).replace(/\r$/, '');
}

interface Tty extends NodeJS.ReadableStream {
	isTTY?: boolean;
	setRawMode?(mode: boolean): unknown;
}

/** Reads one line at a terminal without echoing it. */
function readHidden(stdin: Tty, prompt: string, stderr: { write(s: string): unknown }): Promise<string> {
	stderr.write(prompt);
	stdin.setRawMode!(true);
	stdin.resume();
	return new Promise((resolve, reject) => {
		let value = '';
		const finish = (err: Error | null) => {
			stdin.off('data', onData);
			stdin.setRawMode!(false);
			stdin.pause();
			stderr.write('\n');
			if (err) reject(err);
			else resolve(value);
		};
		const onData = (chunk: Buffer | string) => {
			for (const ch of chunk.toString()) {
				if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(null);
				if (ch === '\u0003') return finish(new Error('cancelled'));
				if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
				else if (ch >= ' ') value += ch;
			}
		};
		stdin.on('data', onData);
	});
}

/** The new password: first line of piped stdin, or typed twice at a terminal. */
export async function readNewPassword(stdin: NodeJS.ReadableStream, stderr: { write(s: string): unknown }): Promise<string> {
	const tty = stdin as Tty;
	if (tty.isTTY && tty.setRawMode) {
		const first = await readHidden(tty, 'Password: ', stderr);
		const again = await readHidden(tty, 'Password again: ', stderr);
		if (first !== again) throw new Error('the two passwords are not the same');
		return first;
	}
	return readFirstLine(stdin);
}
