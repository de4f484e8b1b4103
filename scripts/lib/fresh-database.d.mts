export function recreateDatabase(url: URL | string): Promise<void>;
