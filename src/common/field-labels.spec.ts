import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { catalogue, LOCALES } from '../i18n';

const SRC = resolve(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every file of the API that declares a request's shape: a DTO, a body or a query class in a
 * feature's dto/ folder or in common/. The pages' own form classes are labelled by their form specs
 * (src/web/page-forms.ts), which name the input each field is typed in.
 */
const DTO_FILES = sources(SRC).filter(
  (file) =>
    (/[\\/]dto[\\/]/.test(file) || file.startsWith(join(SRC, 'common'))) &&
    /class \w*(Dto|Body|Query)\b/.test(readFileSync(file, 'utf8')),
);

/** The properties validated anywhere once every DTO file is loaded, by class. */
function validatedProperties(): Map<string, Set<string>> {
  for (const file of DTO_FILES) require(file); // eslint-disable-line @typescript-eslint/no-require-imports
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<unknown, ValidationMetadata[]>;
  };
  const byName = new Map<string, Set<string>>();
  for (const rules of storage.validationMetadatas.values()) {
    for (const rule of rules) {
      const owner = typeof rule.target === 'function' ? rule.target.name : String(rule.target);
      if (!byName.has(rule.propertyName)) byName.set(rule.propertyName, new Set());
      byName.get(rule.propertyName)!.add(owner);
    }
  }
  return byName;
}

describe('field labels', () => {
  it('finds the DTO files', () => {
    expect(DTO_FILES.length).toBeGreaterThan(10);
  });

  it('has a label for every validated property, in every language', () => {
    const properties = validatedProperties();
    const missing = LOCALES.flatMap((locale) =>
      [...properties.keys()]
        .filter((name) => !catalogue().has(`field.${name}`, locale))
        .map((name) => `${locale} field.${name} (${[...properties.get(name)!].join(', ')})`),
    );
    expect(missing).toEqual([]);
  });
});
