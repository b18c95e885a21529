import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { contentTypeOf, FileStore, SAFE_KEY, type StoredFile } from './file-store';

/** Files under one directory (MEDIA_DIR); each written to a temporary name and renamed, so a reader never sees half a file. */
export class LocalFileStore extends FileStore {
  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, body: Buffer): Promise<void> {
    if (!SAFE_KEY.test(key)) throw new Error(`unsafe media key ${key}`);
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, body);
    await rename(temp, path);
  }

  async get(key: string): Promise<StoredFile | null> {
    if (!SAFE_KEY.test(key)) return null;
    try {
      return { body: await readFile(join(this.root, key)), contentType: contentTypeOf(key) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
