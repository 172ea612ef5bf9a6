// Shape of one numbered migration.
export interface Migration {
	version: number;
	name: string;
	sql: string;
}
