import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, metaPolicy, parseHeaders } from '../../scripts/host-headers';

const rules = parseHeaders(readFileSync('public/_headers', 'utf8'));
const csp = (path: string): string => headersFor(rules, path).get('content-security-policy') ?? '';
const directives = (policy: string): string[] =>
  policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);

describe('parseHeaders(text)', () => {
  it('reads paths, headers and comments', () => {
    expect(parseHeaders('# note\n/a/*\n  X-One: 1\n  X-Two: two words \n\n/b\n  X-One: 2\n')).toEqual([
      {
        pattern: '/a/*',
        headers: [
          ['X-One', '1'],
          ['X-Two', 'two words'],
        ],
      },
      { pattern: '/b', headers: [['X-One', '2']] },
    ]);
  });

  it('refuses a header before any path and a line that is not a header', () => {
    expect(() => parseHeaders('  X-One: 1\n')).toThrow('_headers line 1');
    expect(() => parseHeaders('/a\n  no colon here\n')).toThrow('_headers line 2');
  });
});

describe('headersFor(rules, path)', () => {
  it('matches * across slashes and nothing else loosely', () => {
    const r = parseHeaders('/*\n  A: 1\n/x.html\n  B: 2\n');
    expect([...headersFor(r, '/assets/deep/file.js')]).toEqual([['a', '1']]);
    expect([...headersFor(r, '/x.html')]).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect([...headersFor(r, '/x0html')]).toEqual([['a', '1']]);
  });
});

describe('public/_headers', () => {
  it('forbids framing the app by other sites', () => {
    for (const path of ['/', '/index.html']) {
      expect(directives(csp(path))).toContain("frame-ancestors 'self'");
      expect(headersFor(rules, path).get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });

  it('lets any site frame the iframe page, with the app’s policy otherwise', () => {
    expect(directives(csp('/embed.html'))).toContain('frame-ancestors *');
    expect(headersFor(rules, '/embed.html').has('x-frame-options')).toBe(false);
    expect(metaPolicy(csp('/embed.html'))).toBe(metaPolicy(csp('/')));
  });

  it('keeps the app strict: scripts and workers from its own origin only, no eval', () => {
    const policy = directives(csp('/'));
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(csp('/')).not.toContain('unsafe-eval');
  });

  it('sends nosniff and a referrer policy with every file, and a policy with no other file', () => {
    for (const path of ['/', '/embed.html', '/assets/main-abc.js', '/data/catalogue.json']) {
      expect(headersFor(rules, path).get('x-content-type-options')).toBe('nosniff');
      expect(headersFor(rules, path).get('referrer-policy')).toBe('no-referrer');
    }
    expect(csp('/assets/main-abc.js')).toBe('');
  });

  it('never sets one header twice for a path (hosts merge overlapping rules differently)', () => {
    for (const path of ['/', '/index.html', '/embed.html', '/assets/x.js']) {
      const names = rules.filter((r) => headersFor([r], path).size > 0).flatMap((r) => r.headers.map(([n]) => n.toLowerCase()));
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('metaPolicy(policy)', () => {
  it('drops the directives a <meta> policy ignores', () => {
    expect(metaPolicy("default-src 'self'; frame-ancestors 'self'; report-uri /r; sandbox; img-src data:")).toBe("default-src 'self'; img-src data:");
  });
});

describe('the nginx example in README.md', () => {
  const readme = readFileSync('README.md', 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  /** The add_header lines of one location (or of the server when `location` is null). */
  const headersIn = (location: string | null): Map<string, string> => {
    const body =
      location === null
        ? block.replace(/location[^{]*\{[^}]*\}/g, '')
        : (new RegExp(`${location.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\{([^}]*)\\}`).exec(block)?.[1] ?? '');
    return new Map([...body.matchAll(/add_header ([\w-]+) "([^"]*)" always;/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
  };

  it.each([
    ['location ~ ^/(index\\.html)?$', '/'],
    ['location = /embed.html', '/embed.html'],
    [null, '/assets/x.js'],
  ])('%s sends what _headers sends for %s', (location, path) => {
    expect(headersIn(location)).toEqual(headersFor(rules, path));
  });
});
