// Runs once when the Next.js server starts: apply pending migrations, then start
// the job worker in this process (always with the embedded database, whose
// single connection belongs to this process).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startApp } = await import("./lib/startup");
  await startApp();
}
