// Where to send a user after sign-in. The return URL comes from the query
// string, so anyone can craft it: string checks on the raw value miss what the
// browser makes of it ("/portal/..//evil.example", "/\evil.example", "%2e%2e",
// tabs the URL parser drops). So it is resolved with the URL parser against the
// app's own origin, and only a result on that origin and inside the user's own
// area is kept; anything else falls back to the area's home page.
import { appUrl } from "@/lib/app-url";

// C0 controls, space and DEL: the URL parser strips or rewrites some of these, so
// what the browser sees is not what was checked. A real return URL has none.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/;

/**
 * The same-origin path (with query and fragment) to redirect to, re-serialised
 * from the parsed URL; `home` when the callback is missing, foreign or outside
 * `home` (the audience's area: "/portal" or "/admin").
 */
export function resolveCallbackUrl(callbackUrl: unknown, home: string, origin: string = new URL(appUrl("/")).origin): string {
  if (typeof callbackUrl !== "string" || callbackUrl === "" || callbackUrl.length > 2000 || CONTROL_OR_SPACE.test(callbackUrl)) return home;
  let target: URL;
  try {
    target = new URL(callbackUrl, origin);
  } catch {
    return home;
  }
  if (target.origin !== origin || target.username || target.password) return home;
  const { pathname } = target;
  if (pathname !== home && !pathname.startsWith(`${home}/`)) return home;
  // Encoded slashes and backslashes survive parsing as literal characters; a
  // server or proxy that decodes them later would see a different path.
  if (/%(2f|5c)/i.test(pathname)) return home;
  // Belt and braces: the path is rebuilt from the parsed URL and starts with the
  // area's own segment, so it can never be read as protocol-relative.
  const path = `${pathname}${target.search}${target.hash}`;
  return path.startsWith("//") || path.startsWith("/\\") ? home : path;
}
