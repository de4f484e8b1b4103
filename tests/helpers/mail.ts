// What recipients receive: outbox rows with their bodies rendered, as the
// sender would (a row stores its template and props until it is sent).
import { renderStoredMessage, type StoredMessage } from "@/lib/email/stored-render";

export async function received<T extends StoredMessage>(row: T): Promise<T & { html: string; text: string }> {
  return { ...row, ...(await renderStoredMessage(row)) };
}

export function allReceived<T extends StoredMessage>(rows: T[]): Promise<(T & { html: string; text: string })[]> {
  return Promise.all(rows.map(received));
}
