/** Shared by forms (client) and hashing (server); keep free of server imports. */
export const MIN_PASSWORD_LENGTH = 10;
