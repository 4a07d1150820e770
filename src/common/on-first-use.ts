import { createRequire } from 'node:module';

/**
 * A package loaded on its first use rather than at start, so the server starts sooner and holds
 * less memory for what few requests need (PDF, ZIP, CSV, Markdown, XML, mail). Typed with
 * `import type * as Name from 'package'` beside it; the module reads as `import * as` reads it:
 *
 *   const pdfkit = onFirstUse<typeof Pdfkit>('pdfkit');   …   new (pdfkit().default)(…)
 */
const load = createRequire(__filename);

export function onFirstUse<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= asNamespace(load(id)) as T);
}

/** What `import * as` gives of a CommonJS module: its exports, and the module as `default`. */
function asNamespace(exported: unknown): unknown {
  const value = exported as { __esModule?: boolean } | null;
  if (value && value.__esModule) return value;
  return { ...(value as object), default: exported };
}
