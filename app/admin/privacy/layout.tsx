import { requirePrivacyOfficer } from "@/lib/auth/session";

// Checked in the layout, before anything of a page is sent, so staff without
// the privacy officer permission get a real 403 status.
export default async function PrivacyLayout({ children }: { children: React.ReactNode }) {
  await requirePrivacyOfficer();
  return children;
}
