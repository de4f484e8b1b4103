import { redirect } from "next/navigation";
import { getActor, homeFor } from "@/lib/auth/session";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? homeFor(actor) : "/login");
}
