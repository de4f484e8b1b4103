import { renderMarkdown } from "@/lib/markdown";

/** Markdown from staff (event descriptions), rendered safely on the server. */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return (
    <div
      className={`space-y-2 text-slate-800 [&_a]:text-indigo-700 [&_a]:underline [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:text-lg [&_h2]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 ${className}`}
      // Safe: renderMarkdown escapes raw HTML and refuses dangerous link schemes.
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
