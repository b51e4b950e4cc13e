/**
 * The HTTP headers of public/_headers (Netlify / Cloudflare Pages format), read by vite.config.ts
 * to serve them in `vite preview` and to put the same Content-Security-Policy in the built pages'
 * <meta> tag, so the file is the one place the policy is written.
 *
 * Format: a line that starts in column 0 is a path pattern (`*` matches any characters, `/`
 * included); the indented `Name: value` lines under it are its headers; `#` starts a comment.
 */

/** One rule: a path pattern and the headers for the paths it matches. */
export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

/** Parses a _headers file. Throws on a header line before any path, or a line that is not `Name: value`. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.+?)\s*$/.exec(line);
    const rule = rules.at(-1);
    if (!m || !rule) throw new Error(`_headers line ${i + 1}: expected "Name: value" under a path`);
    rule.headers.push([m[1]!, m[2]!]);
  }
  return rules;
}

function matches(pattern: string, path: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(path);
}

/** The headers for a request path (no query), from every matching rule in file order; a later rule's header replaces an earlier one's. */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) out.set(name.toLowerCase(), value);
  }
  return out;
}

/** A policy without the directives a <meta> policy ignores (frame-ancestors, report-uri, sandbox): browsers warn about them. */
export function metaPolicy(policy: string): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !/^(frame-ancestors|report-uri|sandbox)\b/.test(d))
    .join('; ');
}
