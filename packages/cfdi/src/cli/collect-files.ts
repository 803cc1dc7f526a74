import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Expands the CLI's arguments into XML files: files as given, directories walked recursively. */
export async function collectXmlFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input);
    if (info.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (entry.isFile() && entry.name.toLowerCase().endsWith('.xml')) {
          files.push(path.join(entry.parentPath, entry.name));
        }
      }
    } else {
      files.push(input);
    }
  }
  return files.sort();
}
