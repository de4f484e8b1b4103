// One scan sent by the check-in page (POST /api/check-ins/<event id>), read
// the same way by the page's queue and by the server.
import { z } from "zod";
import type { RegistrationStatus } from "@/lib/generated/prisma/enums";

export const checkInScanSchema = z.object({
  /** Made by the page for each scan; a resend carries the same id. */
  scanId: z.uuid("validation.invalid"),
  code: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  /** When the scan was made on the phone (a queued scan arrives later). */
  scannedAt: z.iso.datetime({ error: "validation.invalid" }).optional(),
});

export type CheckInScanData = z.infer<typeof checkInScanSchema>;

/** What the server answers to a scan (times as ISO text: the answer is JSON). */
export type CheckInOutcome =
  /** This scan recorded the attendance. */
  | { result: "checkedIn"; name: string; status: RegistrationStatus; attendedAt: string }
  /** The person had been checked in already (by an earlier scan, by staff or by the join link). */
  | { result: "alreadyCheckedIn"; name: string; status: RegistrationStatus; attendedAt: string }
  /** A registration of this event that is not a seat: on the reserve list or cancelled. */
  | { result: "notRegistered"; name: string; status: RegistrationStatus }
  /** A public sign-up not confirmed by its e-mailed link: no seat yet. */
  | { result: "notConfirmed"; name: string }
  /** A well-formed code of another event. */
  | { result: "otherEvent"; eventNumber: number }
  /** No registration of this event has this code. */
  | { result: "unknownCode" }
  | { result: "eventCancelled" };
