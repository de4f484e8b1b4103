/** Absolute links for e-mails. APP_URL is the public address of the deployment. */
export function appUrl(path: string): string {
  const base = (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
  return `${base}${path}`;
}
