// Playwright cannot download browsers on this kind of machine: use Debian's
// Chromium, installing it with apt-get when it is missing (CI runs as root).
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

export function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  console.log("Installing Chromium from Debian's packages for the browser tests...");
  const sudo = process.getuid && process.getuid() !== 0 ? "sudo " : "";
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: "inherit" });
}

if (process.argv[1]?.endsWith("ensure-chromium.mjs")) ensureChromium();
