import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GuestStatusDetails } from "@/components/guests/guest-status-details";
import { db } from "@/lib/db";
import { getGuestRequestByStatusToken } from "@/lib/guests/status-view";
import { first, type SearchParams } from "@/lib/pagination";

// The requester's private link (e-mailed, and shown right after sending): the
// token is the only key, so it must never be indexed.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("guests.form"))("title"), robots: { index: false, follow: false } };
}

export default async function GuestRequestStatusPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> }) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const request = await getGuestRequestByStatusToken(db, token);
  if (!request) notFound();
  return <GuestStatusDetails request={request} received={first(query.received) === "1"} />;
}
