// GET /api/pow/<form>: a fresh proof-of-work challenge for one of the public
// forms (lib/security/proof-of-work.ts). The browser solves it while the person
// types and sends the answer with the form.
import { db } from "@/lib/db";
import { isPowForm, issueChallenge } from "@/lib/security/proof-of-work";

export async function GET(_request: Request, { params }: { params: Promise<{ form: string }> }) {
  const { form } = await params;
  if (!isPowForm(form)) return Response.json({ error: "errors.notFoundBody" }, { status: 404 });
  return Response.json(await issueChallenge(db, form), { headers: { "Cache-Control": "no-store" } });
}
