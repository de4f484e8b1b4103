// Event descriptions: Markdown formatting works; anything that could run script does not.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown";

describe("renderMarkdown", () => {
  it("formats Markdown", () => {
    const html = renderMarkdown("# Agenda\n\n**Bring** a laptop\n\n- one\n- two\n\nSee https://portico.test/info");
    expect(html).toContain("<h1>Agenda</h1>");
    expect(html).toContain("<strong>Bring</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://portico.test/info" rel="noopener noreferrer nofollow">');
  });

  it("escapes raw HTML and refuses script links", () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3))');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toMatch(/href="javascript:/i);
  });
});
