// The check-in code in the registration confirmation: its text in the body
// and its QR code as an attached PNG (mail clients show attached images
// reliably; SVG and data: images they often do not). Completed by the e-mail
// sender at sending (the template's atSend), because the common registration
// is written in one SQL statement together with its e-mail, before any code
// could be drawn for it; by sending time the registration is committed.
// The registration is the one of that event for the recipient's address
// (one per address and event), and only a seat gets a code.
// No "server-only" marker: the standalone worker's sender runs this.
import type { SqlSession } from "@/lib/db/sql-driver";
import { checkInCode, checkInSecret, sqlSecretStore } from "./check-in-code";
import { checkInQrPng } from "./check-in-qr";

export async function checkInCodeAtSend(
  props: { eventNumber: number; status: string },
  { sql, to }: { sql: SqlSession; to: string },
): Promise<{ props?: { checkInCode: string }; attachments?: { fileName: string; contentType: string; content: Uint8Array }[] }> {
  if (props.status !== "REGISTERED") return {};
  const [registration] = await sql.query<{ id: string }>(
    `SELECT r.id FROM "Registration" r JOIN "Event" e ON e.id = r."eventId"
      WHERE e.number = $1 AND r.email = $2 AND r.status = 'REGISTERED'`,
    [props.eventNumber, to],
  );
  if (!registration) return {};
  const code = checkInCode(await checkInSecret(sqlSecretStore(sql)), props.eventNumber, registration.id);
  return {
    props: { checkInCode: code },
    attachments: [{ fileName: `check-in-${props.eventNumber}.png`, contentType: "image/png", content: await checkInQrPng(code) }],
  };
}
