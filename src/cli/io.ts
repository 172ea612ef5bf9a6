// The streams a CLI command talks to, injectable so commands are testable in-process.
export interface Io {
	stdin: NodeJS.ReadableStream;
	stdout: { write(chunk: string | Uint8Array): unknown };
	stderr: { write(chunk: string | Uint8Array): unknown };
}

export function processIo(): Io {
	return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** Reads a whole stream into a Buffer. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	return Buffer.concat(chunks);
}
