import { Node, type Project } from 'ts-morph';

const AUGMENTED_INTERFACE = 'CustomEventFields';

/**
 * Field names a project declares for all definitions by augmenting `CustomEventFields`
 * (`declare module 'alertsmith' { interface CustomEventFields { 'x.y': 'keyword' } }`), read
 * from the project's own files, as the type checker merges them.
 */
export function projectCustomFields(project: Project): Set<string> {
  const fields = new Set<string>();
  for (const file of project.getSourceFiles()) {
    if (file.isInNodeModules() || file.isFromExternalLibrary()) continue;
    if (!file.getFullText().includes(AUGMENTED_INTERFACE)) continue;
    for (const module of file.getModules()) {
      for (const declaration of module.getInterfaces()) {
        if (declaration.getName() !== AUGMENTED_INTERFACE) continue;
        for (const member of declaration.getProperties()) {
          const name = member.getNameNode();
          fields.add(Node.isStringLiteral(name) ? name.getLiteralValue() : name.getText());
        }
      }
    }
  }
  return fields;
}
