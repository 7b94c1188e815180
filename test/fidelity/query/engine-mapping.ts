import { leafPaths } from '../../../src/query/document-values.js';
import type { FieldTypes } from '../../../src/query/field-types.js';

type Properties = Record<string, Record<string, unknown>>;

/** The mapping parameters a type needs besides its name (ECS's own values). */
function fieldMapping(name: string, type: string, constants: ReadonlyMap<string, string>): Record<string, unknown> {
  if (type === 'scaled_float') return { type, scaling_factor: 1000 };
  // OpenSearch needs the value in the mapping; Elasticsearch takes the first one indexed, which is what this is.
  if (type === 'constant_keyword') return { type, value: constants.get(name) };
  return { type };
}

/**
 * The index mapping of the given fields, each with the type the evaluator gives it (ECS, then the
 * definition's `eventFields`): both sides search the same types. A multi-field (`process.name.text`)
 * goes under its parent's `fields`. Unknown fields are refused (`dynamic: strict`), so a corpus
 * document cannot silently bring a field the evaluator types differently.
 */
export function engineMapping(
  fieldNames: Iterable<string>,
  types: FieldTypes,
  constants: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const root: Properties = {};
  const leafOf = (name: string): Record<string, unknown> => {
    const parts = name.split('.');
    let props = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const node = (props[parts[i]!] ??= { properties: {} });
      if (node.type !== undefined && node.type !== 'object') throw new Error(`${parts.slice(0, i + 1).join('.')} is a ${String(node.type)} field and also an object`);
      props = (node.properties ??= {}) as Properties;
    }
    return (props[parts[parts.length - 1]!] ??= {});
  };
  const names = [...new Set(fieldNames)].sort();
  for (const name of names) {
    const field = types.require(name);
    if (field.type === 'object') continue;
    if (field.source !== field.name) {
      const parent = leafOf(field.source);
      const sub = field.name.slice(field.source.length + 1);
      ((parent.fields ??= {}) as Properties)[sub] = fieldMapping(name, field.type, constants);
      continue;
    }
    Object.assign(leafOf(name), fieldMapping(name, field.type, constants));
  }
  for (const name of names) {
    if (types.require(name).source !== name) continue;
    const node = leafOf(name);
    if (node.type === undefined && node.properties === undefined) throw new Error(`${name} has no type in the mapping`);
  }
  return { dynamic: 'strict', properties: root };
}

/** Every field of the documents, with the multi-fields the evaluator knows for each. */
export function documentFields(docs: readonly Record<string, unknown>[], types: FieldTypes): Set<string> {
  const out = new Set<string>();
  for (const doc of docs) {
    for (const p of leafPaths(doc)) {
      out.add(p);
      for (const sub of types.subfieldsOf(p)) out.add(sub);
    }
  }
  return out;
}
