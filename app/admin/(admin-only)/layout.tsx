import { requireAdmin } from "@/lib/auth/session";

// Checked in the layout, before anything of the page is sent, so staff get a
// real 403 status (a check inside a streamed page can only show the 403 page
// with status 200).
export default async function AdminOnlyLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return children;
}
