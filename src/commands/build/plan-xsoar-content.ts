import { contentFiles } from '../../xsoar-content/content-files.js';
import { xsoarNeedsOf, xsoarUsageOf } from '../../xsoar-content/xsoar-usage.js';
import type { BuildError, CheckedDefinition } from './plan-build.js';

/** Where build writes the XSOAR content, under the output folder. */
export const XSOAR_CONTENT_FOLDER = 'xsoar';

export interface FolderPlan {
  /** File name -> text, for every item. */
  outputs: Map<string, string>;
  changed: string[];
  unchanged: string[];
  /** JSON files of the folder that no detection needs any more. The folder is alertsmith's own. */
  orphaned: string[];
}

export interface XsoarContentPlan {
  errors: BuildError[];
  /** Content folder (`IncidentTypes`, `IncidentFields`) -> what to do in it. */
  folders: Map<string, FolderPlan>;
}

/**
 * Decides, with no I/O, which files of `<out>/xsoar/` build writes and removes: the incident
 * types and custom fields the detections use (see xsoar-content/), compared with `existing`
 * (folder -> file name -> text).
 */
export function planXsoarContent(
  definitions: readonly CheckedDefinition[],
  existing: ReadonlyMap<string, ReadonlyMap<string, string>>,
  contentDir: string,
): XsoarContentPlan {
  const usage = xsoarUsageOf(definitions.map((d) => ({ file: d.file, needs: 'definition' in d ? xsoarNeedsOf(d.definition) : d.compiled.xsoar })));
  const files = contentFiles(usage);
  const errors: BuildError[] = [
    ...usage.conflicts,
    ...files.errors.map((message) => ({ file: contentDir, message })),
  ];
  const folders = new Map<string, FolderPlan>();
  for (const [folder, outputs] of files.folders) {
    const onDisk = existing.get(folder) ?? new Map<string, string>();
    const changed: string[] = [];
    const unchanged: string[] = [];
    for (const [file, text] of outputs) (onDisk.get(file) === text ? unchanged : changed).push(file);
    const orphaned = [...onDisk.keys()].filter((file) => !outputs.has(file));
    folders.set(folder, { outputs, changed: changed.sort(), unchanged: unchanged.sort(), orphaned: orphaned.sort() });
  }
  return { errors, folders };
}
